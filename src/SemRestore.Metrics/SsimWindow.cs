namespace SemRestore.Metrics;

/// <summary>The local window SSIM averages over.</summary>
public enum SsimWindow
{
    /// <summary>A square window of equal weights (scikit-image's default, 7x7).</summary>
    Uniform,

    /// <summary>A normalised Gaussian, radius = (int)(3.5 sigma + 0.5) as scipy's gaussian_filter truncates it (11x11 for sigma 1.5).</summary>
    Gaussian,
}
