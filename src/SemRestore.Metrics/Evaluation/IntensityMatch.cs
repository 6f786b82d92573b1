using SemRestore.Imaging;

namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// Least-squares gain and offset mapping an image onto a reference: minimises sum (gain * image + offset - reference)^2
/// (sums in double). Real pairs taken at different doses differ in brightness; fitting before PSNR/SSIM compares
/// structure rather than exposure. The fit is reported beside the metrics.
/// </summary>
/// <param name="Gain">Multiplier.</param>
/// <param name="Offset">Additive term, in image units.</param>
public readonly record struct IntensityMatch(double Gain, double Offset)
{
    /// <summary>Fits gain and offset; a constant image gets gain 1 and the mean difference as offset.</summary>
    /// <exception cref="ArgumentException">The images differ in size.</exception>
    public static IntensityMatch Fit(GrayImage image, GrayImage reference)
    {
        reference.EnsureSameSize(image, "image and reference");
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var a = image.Pixels;
        var b = reference.Pixels;
        for (var i = 0; i < a.Length; i++)
        {
            double x = a[i];
            double y = b[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }

        var n = (double)a.Length;
        var variance = sxx - sx * sx / n;
        if (!(variance > 1e-12 * n))
        {
            return new IntensityMatch(1, (sy - sx) / n);
        }

        var gain = (sxy - sx * sy / n) / variance;
        return new IntensityMatch(gain, (sy - gain * sx) / n);
    }

    /// <summary>A new image gain * image + offset.</summary>
    public GrayImage Apply(GrayImage image)
    {
        var result = image.CreateLike();
        var gain = (float)Gain;
        var offset = (float)Offset;
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            result.Pixels[i] = gain * image.Pixels[i] + offset;
        }

        return result;
    }
}
