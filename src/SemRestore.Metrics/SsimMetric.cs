using SemRestore.Imaging;
using SemRestore.Metrics.Internal;

namespace SemRestore.Metrics;

/// <summary>
/// Structural similarity (Wang et al. 2004): per local window
/// SSIM = ((2 ux uy + C1)(2 sxy + C2)) / ((ux^2 + uy^2 + C1)(sx^2 + sy^2 + C2)), C1 = (K1 R)^2, C2 = (K2 R)^2,
/// with R the data range; the reported value is the mean of the map without its window-radius border.
/// Matches <c>skimage.metrics.structural_similarity</c> within 1e-4 for both presets of <see cref="SsimOptions"/>.
/// </summary>
public static class SsimMetric
{
    /// <summary>Mean SSIM of <paramref name="image"/> against <paramref name="reference"/>.</summary>
    /// <exception cref="ArgumentException">The images differ in size or are smaller than the window.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static double Compute(GrayImage image, GrayImage reference, SsimOptions options, CancellationToken cancellationToken = default) =>
        Run(image, reference, options, wantMap: false, cancellationToken).Mean;

    /// <summary>Mean SSIM, mean contrast-structure term and the full map (width x height).</summary>
    public static SsimResult ComputeWithMap(GrayImage image, GrayImage reference, SsimOptions options, CancellationToken cancellationToken = default) =>
        Run(image, reference, options, wantMap: true, cancellationToken);

    internal static SsimResult Run(GrayImage image, GrayImage reference, SsimOptions options, bool wantMap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        reference.EnsureSameSize(image, "image and reference");
        var weights = options.WindowWeights();
        if (image.Width < weights.Length || image.Height < weights.Length)
        {
            throw new ArgumentException(
                $"SSIM needs images at least as large as its {weights.Length}x{weights.Length} window, got {image.Width}x{image.Height}.", nameof(image));
        }

        // skimage: NP = win_size^2 for both windows, the sample-covariance factor is NP / (NP - 1).
        var n = (double)weights.Length * weights.Length;
        var covarianceScale = options.SampleCovariance ? n / (n - 1) : 1.0;
        var c1 = options.K1 * options.DataRange * (options.K1 * options.DataRange);
        var c2 = options.K2 * options.DataRange * (options.K2 * options.DataRange);
        return SsimKernel.Compute(image.Pixels, reference.Pixels, image.Width, image.Height, weights, covarianceScale, c1, c2, wantMap, cancellationToken);
    }
}
