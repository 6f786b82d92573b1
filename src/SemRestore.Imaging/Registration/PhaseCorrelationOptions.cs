namespace SemRestore.Imaging.Registration;

/// <summary>Options for <see cref="PhaseCorrelation"/>.</summary>
/// <param name="UpsampleFactor">Sub-pixel precision 1 / UpsampleFactor px (Guizar-Sicairos refinement); 1 = integer only; 1..1000.</param>
/// <param name="WindowAlpha">
/// Tukey window alpha applied to both mean-subtracted images so the image edges do not correlate: the fraction of each
/// axis inside the cosine taper (1 = Hann, 0 = no window); 0..1. A flat-topped window keeps more of the data than Hann,
/// which lowers the noise error of the sub-pixel estimate.
/// </param>
/// <param name="Normalization">Weighting of the cross-power spectrum.</param>
/// <param name="MaxShift">Only peaks with |dx|, |dy| &lt;= MaxShift are considered; null = up to half the image size.</param>
/// <param name="LowPassSigma">
/// Gaussian weight exp(-|f|^2 / (2 sigma^2)) on the cross-power spectrum, sigma in cycles per pixel (0 &lt; sigma &lt;= 1; null = off).
/// On very noisy images the noise-times-noise term is white and its sharp fluctuations pull the sub-pixel peak; real
/// scenes are band-limited, so damping high frequencies cuts that error several-fold at no cost in bias.
/// </param>
/// <param name="RefinementPasses">
/// Extra passes that resample the moving image by the current estimate and correlate again, adding the (small) remaining
/// shift; this removes the pull toward zero that a fixed window causes on smooth scenes with broad correlation peaks; 0..5.
/// </param>
/// <param name="MaxRegionSize">
/// Larger images are registered on their central MaxRegionSize x MaxRegionSize region (a global shift does not need
/// every pixel, and cost grows as the area times 1.5 * UpsampleFactor); residual strips are limited to the central
/// MaxRegionSize columns. 32..65536.
/// </param>
/// <param name="ResidualStrips">After the global shift, measure local shifts in this many horizontal strips of rows (0 = skip); 0..64.</param>
public sealed record PhaseCorrelationOptions(
    int UpsampleFactor = 50,
    double WindowAlpha = 0.25,
    CorrelationNormalization Normalization = CorrelationNormalization.None,
    double? MaxShift = null,
    double? LowPassSigma = 0.15,
    int RefinementPasses = 2,
    int MaxRegionSize = 1024,
    int ResidualStrips = 4)
{
    public static PhaseCorrelationOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad field and its range.</summary>
    public void Validate()
    {
        if (UpsampleFactor is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(UpsampleFactor), $"UpsampleFactor must be in 1..1000, got {UpsampleFactor}.");
        }

        if (!(WindowAlpha >= 0 && WindowAlpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(WindowAlpha), $"WindowAlpha must be in 0..1, got {WindowAlpha}.");
        }

        if (MaxShift is { } max && (!double.IsFinite(max) || max < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxShift), $"MaxShift must be a finite value >= 0, got {max}.");
        }

        if (LowPassSigma is { } sigma && (!double.IsFinite(sigma) || sigma <= 0 || sigma > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LowPassSigma), $"LowPassSigma must be in (0, 1] cycles per pixel or null, got {sigma}.");
        }

        if (RefinementPasses is < 0 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(RefinementPasses), $"RefinementPasses must be in 0..5, got {RefinementPasses}.");
        }

        if (MaxRegionSize is < 32 or > 65536)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRegionSize), $"MaxRegionSize must be in 32..65536, got {MaxRegionSize}.");
        }

        if (ResidualStrips is < 0 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(ResidualStrips), $"ResidualStrips must be in 0..64, got {ResidualStrips}.");
        }

        if (!Enum.IsDefined(Normalization))
        {
            throw new ArgumentOutOfRangeException(nameof(Normalization), $"Unknown normalization {Normalization}.");
        }
    }
}
