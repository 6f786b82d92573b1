using SemRestore.Imaging;

namespace SemRestore.Metrics.Noise;

/// <summary>
/// Histogram of a residual with the maximum-likelihood Gaussian fit (mean and population standard deviation of
/// the values) and the counts that Gaussian predicts per bin. <see cref="TotalVariationDistance"/> (0 = exactly
/// Gaussian, 1 = disjoint) says how far the residual is from Gaussian; Poisson-like SEM noise is visibly skewed.
/// </summary>
/// <param name="Minimum">Lower edge of the first bin.</param>
/// <param name="BinWidth">Width of each bin.</param>
/// <param name="Counts">Pixels per bin (values outside [Minimum, Minimum + bins * BinWidth] are left out and counted in <paramref name="Outside"/>).</param>
/// <param name="FittedCounts">Expected pixels per bin under the fitted Gaussian.</param>
/// <param name="Mean">Fitted mean.</param>
/// <param name="Sigma">Fitted standard deviation.</param>
/// <param name="Outside">Pixels outside the histogram range.</param>
/// <param name="TotalVariationDistance">0.5 * sum |p - q| over bins, p the observed and q the fitted distribution.</param>
public sealed record ResidualHistogram(double Minimum, double BinWidth, IReadOnlyList<long> Counts, IReadOnlyList<double> FittedCounts,
    double Mean, double Sigma, long Outside, double TotalVariationDistance)
{
    /// <summary>Centre of bin <paramref name="bin"/>.</summary>
    public double BinCenter(int bin) => Minimum + (bin + 0.5) * BinWidth;

    /// <summary>Histogram over mean +- <paramref name="sigmas"/> standard deviations with <paramref name="bins"/> bins.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> not in [2, 10000] or <paramref name="sigmas"/> not in (0, 50].</exception>
    /// <exception cref="InvalidInputException">The residual is constant or not finite.</exception>
    public static ResidualHistogram Compute(GrayImage residual, int bins = 101, double sigmas = 5)
    {
        ArgumentNullException.ThrowIfNull(residual);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, 10000);
        if (!(sigmas > 0 && sigmas <= 50))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmas), sigmas, "The histogram half-width must be in (0, 50] standard deviations.");
        }

        var pixels = residual.Pixels;
        double sum = 0, sumSquares = 0;
        foreach (var value in pixels)
        {
            sum += value;
            sumSquares += (double)value * value;
        }

        var n = (double)pixels.Length;
        var mean = sum / n;
        var sigma = Math.Sqrt(Math.Max(0, sumSquares / n - mean * mean));
        if (!(sigma > 0) || double.IsInfinity(sigma))
        {
            throw new InvalidInputException("The residual is constant or not finite, so it has no noise histogram.");
        }

        var minimum = mean - sigmas * sigma;
        var binWidth = 2 * sigmas * sigma / bins;
        var counts = new long[bins];
        long outside = 0;
        foreach (var value in pixels)
        {
            var bin = (int)Math.Floor((value - minimum) / binWidth);
            if ((uint)bin < (uint)bins)
            {
                counts[bin]++;
            }
            else if (bin == bins && value <= minimum + bins * binWidth)
            {
                counts[bins - 1]++;
            }
            else
            {
                outside++;
            }
        }

        var fitted = new double[bins];
        double distance = 0;
        for (var b = 0; b < bins; b++)
        {
            var lower = minimum + b * binWidth;
            fitted[b] = n * (NormalCdf((lower + binWidth - mean) / sigma) - NormalCdf((lower - mean) / sigma));
            distance += Math.Abs(counts[b] - fitted[b]) / n;
        }

        return new ResidualHistogram(minimum, binWidth, counts, fitted, mean, sigma, outside, 0.5 * distance);
    }

    /// <summary>Standard normal CDF, 0.5 erfc(-z / sqrt 2).</summary>
    internal static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    // erfc by Numerical Recipes' Chebyshev fit (fractional error < 1.2e-7), enough for expected bin counts.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
