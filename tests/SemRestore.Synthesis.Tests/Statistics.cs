using SemRestore.Imaging;

namespace SemRestore.Synthesis.Tests;

/// <summary>Moments and correlations in double precision for the statistics tests.</summary>
internal static class Statistics
{
    public static (double Mean, double Variance) Moments(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, squares / (values.Length - 1));
    }

    /// <summary>Standardised fourth moment (3 for a Gaussian).</summary>
    public static double Kurtosis(ReadOnlySpan<float> values)
    {
        var (mean, variance) = Moments(values);
        double fourth = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            fourth += d * d * d * d;
        }

        return fourth / values.Length / (variance * variance);
    }

    /// <summary>a - b pixel by pixel.</summary>
    public static float[] Difference(GrayImage a, GrayImage b)
    {
        var result = new float[a.Pixels.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = a.Pixels[i] - b.Pixels[i];
        }

        return result;
    }

    /// <summary>Pearson correlation of values(x, y) and values(x + dx, y + dy) over the image (ReNIn's noise-correlation map entry).</summary>
    public static double Correlation(float[] values, int width, int height, int dx, int dy)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        long n = 0;
        for (var y = 0; y + dy < height; y++)
        {
            for (var x = 0; x + dx < width; x++)
            {
                double a = values[y * width + x];
                double b = values[(y + dy) * width + x + dx];
                sa += a;
                sb += b;
                saa += a * a;
                sbb += b * b;
                sab += a * b;
                n++;
            }
        }

        var cov = sab / n - sa / n * (sb / n);
        return cov / Math.Sqrt((saa / n - sa / n * (sa / n)) * (sbb / n - sb / n * (sb / n)));
    }

    /// <summary>PSNR on the 8-bit scale of <paramref name="test"/> quantised to 8 bits against <paramref name="reference"/>.</summary>
    public static double Psnr8(GrayImage test, GrayImage reference)
    {
        double mse = 0;
        for (var i = 0; i < test.Pixels.Length; i++)
        {
            var e = Math.Round(Math.Clamp(test.Pixels[i], 0, 1) * 255) - reference.Pixels[i] * 255.0;
            mse += e * e;
        }

        return 10 * Math.Log10(255.0 * 255 / (mse / test.Pixels.Length));
    }

    /// <summary>SHA-256 of the pixel bytes.</summary>
    public static string Hash(GrayImage image)
    {
        var bytes = new byte[image.Pixels.Length * sizeof(float)];
        Buffer.BlockCopy(image.Pixels, 0, bytes, 0, bytes.Length);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
