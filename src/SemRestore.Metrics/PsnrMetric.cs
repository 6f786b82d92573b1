using System.Numerics.Tensors;
using SemRestore.Imaging;
using SemRestore.Metrics.Internal;

namespace SemRestore.Metrics;

/// <summary>
/// Peak signal-to-noise ratio, PSNR = 10 log10(R^2 / MSE) with MSE = mean((a - b)^2) accumulated in double.
/// Equals <c>skimage.metrics.peak_signal_noise_ratio(reference, image, data_range=R)</c>.
/// </summary>
public static class PsnrMetric
{
    /// <summary>Mean squared error between two images of the same size, in double.</summary>
    /// <exception cref="ArgumentException">The images differ in size.</exception>
    public static double MeanSquaredError(GrayImage image, GrayImage reference)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(reference);
        reference.EnsureSameSize(image, "image and reference");
        var a = image.Pixels;
        var b = reference.Pixels;
        var height = image.Height;
        var width = image.Width;
        var rowSums = new double[height];
        Parallel.For(0, height, () => (new double[width], new double[width]), (y, _, scratch) =>
        {
            var (da, db) = scratch;
            SpanMath.Widen(a.AsSpan(y * width, width), da);
            SpanMath.Widen(b.AsSpan(y * width, width), db);
            TensorPrimitives.Subtract(da, db, da);
            rowSums[y] = TensorPrimitives.SumOfSquares<double>(da);
            return scratch;
        }, _ => { });

        // Rows are summed in order so the result does not depend on the thread count.
        double total = 0;
        foreach (var value in rowSums)
        {
            total += value;
        }

        return total / image.PixelCount;
    }

    /// <summary>PSNR in dB; +infinity when the images are identical.</summary>
    /// <param name="image">The image under test.</param>
    /// <param name="reference">The reference (ground truth), same size.</param>
    /// <param name="dataRange">R: the dynamic range of the data (1 for images in [0, 1]); must be positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataRange"/> is not positive and finite.</exception>
    /// <exception cref="ArgumentException">The images differ in size.</exception>
    public static double Compute(GrayImage image, GrayImage reference, double dataRange = 1.0)
    {
        ValidateDataRange(dataRange);
        var mse = MeanSquaredError(image, reference);
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(dataRange * dataRange / mse);
    }

    internal static void ValidateDataRange(double dataRange)
    {
        if (!(dataRange > 0) || double.IsInfinity(dataRange))
        {
            throw new ArgumentOutOfRangeException(nameof(dataRange), dataRange, "The data range must be a positive finite number (1 for images in [0, 1], 255 for 8-bit values).");
        }
    }
}
