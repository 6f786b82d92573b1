using SemRestore.Imaging;

namespace SemRestore.Metrics.Noise;

/// <summary>
/// Everything <c>semrestore analyze-noise</c> reports for a noisy image and its clean reference (same size,
/// already aligned): the residual noisy - clean, its correlation map and histogram, its standard deviation and
/// the single-image sigma estimates of both images.
/// </summary>
/// <param name="Correlation">Correlation map of the residual.</param>
/// <param name="Histogram">Residual histogram with its Gaussian fit.</param>
/// <param name="ResidualSigma">Standard deviation of the residual (true noise level when the reference is clean).</param>
/// <param name="EstimatedSigmaNoisy">Haar-MAD estimate on the noisy image alone.</param>
/// <param name="EstimatedSigmaClean">Haar-MAD estimate on the reference alone (its own leftover noise).</param>
public sealed record NoiseAnalysis(NoiseCorrelationMap Correlation, ResidualHistogram Histogram, double ResidualSigma,
    double EstimatedSigmaNoisy, double EstimatedSigmaClean)
{
    /// <summary>Analyses <paramref name="noisy"/> against <paramref name="clean"/>.</summary>
    /// <exception cref="InvalidInputException">The images differ in size or the residual is constant.</exception>
    public static NoiseAnalysis Analyze(GrayImage noisy, GrayImage clean, int radius = 5, int bins = 101, CancellationToken cancellationToken = default)
    {
        var residual = Residual(noisy, clean);
        var correlation = NoiseCorrelationMap.Compute(residual, radius, cancellationToken);
        var histogram = ResidualHistogram.Compute(residual, bins);
        return new NoiseAnalysis(correlation, histogram, histogram.Sigma, NoiseSigmaEstimator.Estimate(noisy), NoiseSigmaEstimator.Estimate(clean));
    }

    /// <summary>noisy - clean, pixel by pixel.</summary>
    /// <exception cref="InvalidInputException">The images differ in size.</exception>
    public static GrayImage Residual(GrayImage noisy, GrayImage clean)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        ArgumentNullException.ThrowIfNull(clean);
        if (noisy.Width != clean.Width || noisy.Height != clean.Height)
        {
            throw new InvalidInputException($"The noisy and clean images differ in size: {noisy.Width}x{noisy.Height} and {clean.Width}x{clean.Height}; register and crop them first.");
        }

        var residual = new GrayImage(noisy.Width, noisy.Height);
        System.Numerics.Tensors.TensorPrimitives.Subtract(noisy.Pixels, clean.Pixels, residual.Pixels);
        return residual;
    }
}
