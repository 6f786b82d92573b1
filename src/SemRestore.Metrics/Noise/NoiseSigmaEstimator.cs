using SemRestore.Imaging;

namespace SemRestore.Metrics.Noise;

/// <summary>
/// Estimates the standard deviation of additive white noise from a single image (Donoho and Johnstone 1994):
/// sigma = median(|HH|) / 0.6745, HH the finest diagonal band of the orthonormal 2D Haar transform,
/// HH = (x00 - x01 - x10 + x11) / 2 over non-overlapping 2x2 blocks. Image structure barely reaches that band,
/// so the estimate is robust to content. It assumes white noise: noise correlated along x (real SEM) is
/// under-estimated. skimage's estimate_sigma uses the db2 wavelet instead of Haar, so values differ slightly.
/// </summary>
public static class NoiseSigmaEstimator
{
    /// <summary>0.6745 = the median of |N(0, 1)|.</summary>
    public const double MadToSigma = 0.6745;

    /// <summary>The estimated sigma, in the image's units (for [0, 1] images, multiply by 255 for 8-bit DN).</summary>
    /// <exception cref="ArgumentException">The image is smaller than 2x2.</exception>
    public static double Estimate(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width < 2 || image.Height < 2)
        {
            throw new ArgumentException($"Noise estimation needs at least 2x2 pixels, got {image.Width}x{image.Height}.", nameof(image));
        }

        var blocksX = image.Width / 2;
        var blocksY = image.Height / 2;
        var coefficients = new double[blocksX * blocksY];
        var pixels = image.Pixels;
        var width = image.Width;
        Parallel.For(0, blocksY, by =>
        {
            var top = 2 * by * width;
            var bottom = top + width;
            for (var bx = 0; bx < blocksX; bx++)
            {
                var x = 2 * bx;
                double hh = (pixels[top + x] - (double)pixels[top + x + 1] - pixels[bottom + x] + pixels[bottom + x + 1]) / 2;
                coefficients[by * blocksX + bx] = Math.Abs(hh);
            }
        });

        return Median(coefficients) / MadToSigma;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
