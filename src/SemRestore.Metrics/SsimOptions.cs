namespace SemRestore.Metrics;

/// <summary>
/// How SSIM is computed (see docs/conventions.md). Two presets match the numbers papers report:
/// <see cref="SkimageDefault"/> (7x7 uniform window, sample covariance; what ReNIn's tables use) and
/// <see cref="Wang"/> (11x11 Gaussian sigma 1.5, population covariance; Wang et al. 2004). Both filter with
/// scipy's 'reflect' border rule and average the map without its (window - 1) / 2 border, as scikit-image does.
/// </summary>
public sealed record SsimOptions
{
    /// <summary>R: the dynamic range of the data; always explicit (1 for images in [0, 1]).</summary>
    public required double DataRange { get; init; }

    public SsimWindow Window { get; init; } = SsimWindow.Uniform;

    /// <summary>Side of the uniform window (odd, at least 3). Ignored for the Gaussian window.</summary>
    public int WindowSize { get; init; } = 7;

    /// <summary>Standard deviation of the Gaussian window in pixels (0.5 to 10). Ignored for the uniform window.</summary>
    public double Sigma { get; init; } = 1.5;

    /// <summary>Sample covariance (divide by N - 1, N = window pixel count) instead of the population one (divide by N).</summary>
    public bool SampleCovariance { get; init; } = true;

    public double K1 { get; init; } = 0.01;

    public double K2 { get; init; } = 0.03;

    /// <summary>scikit-image's <c>structural_similarity</c> defaults with an explicit data range.</summary>
    public static SsimOptions SkimageDefault(double dataRange = 1.0) => new() { DataRange = dataRange };

    /// <summary>Wang et al. 2004: 11x11 Gaussian, sigma 1.5, population covariance (skimage gaussian_weights=True, sigma=1.5, use_sample_covariance=False).</summary>
    public static SsimOptions Wang(double dataRange = 1.0) =>
        new() { DataRange = dataRange, Window = SsimWindow.Gaussian, Sigma = 1.5, SampleCovariance = false };

    /// <summary>Preset by name: "skimage" or "wang" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static SsimOptions FromName(string name, double dataRange = 1.0) => name.ToLowerInvariant() switch
    {
        "skimage" => SkimageDefault(dataRange),
        "wang" => Wang(dataRange),
        _ => throw new ArgumentException($"SSIM variant must be 'skimage' or 'wang', got '{name}'.", nameof(name)),
    };

    /// <summary>The normalised 1D window weights (the 2D window is their outer product).</summary>
    public double[] WindowWeights()
    {
        Validate();
        if (Window == SsimWindow.Uniform)
        {
            var weights = new double[WindowSize];
            Array.Fill(weights, 1.0 / WindowSize);
            return weights;
        }

        return GaussianWeights(Sigma);
    }

    /// <summary>Window radius: (size - 1) / 2, also the border left out of the mean.</summary>
    public int Radius => Window == SsimWindow.Uniform ? (WindowSize - 1) / 2 : GaussianRadius(Sigma);

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Names the option, the value and the allowed range.</exception>
    public void Validate()
    {
        PsnrMetric.ValidateDataRange(DataRange);
        if (WindowSize < 3 || WindowSize % 2 == 0 || WindowSize > 101)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "The SSIM window size must be odd and in [3, 101].");
        }

        if (!(Sigma >= 0.5 && Sigma <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(Sigma), Sigma, "The SSIM Gaussian sigma must be in [0.5, 10].");
        }

        if (!(K1 > 0 && K1 < 1) || !(K2 > 0 && K2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(K1), $"K1 and K2 must be in (0, 1), got {K1} and {K2}.");
        }
    }

    internal static int GaussianRadius(double sigma) => (int)(3.5 * sigma + 0.5);

    internal static double[] GaussianWeights(double sigma)
    {
        // scipy.ndimage.gaussian_filter's kernel: exp(-x^2 / (2 sigma^2)) on |x| <= radius, normalised to sum 1.
        var radius = GaussianRadius(sigma);
        var weights = new double[2 * radius + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++)
        {
            weights[i + radius] = Math.Exp(-0.5 * i * i / (sigma * sigma));
            sum += weights[i + radius];
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }

        return weights;
    }
}
