using SemRestore.Imaging;

namespace SemRestore.Synthesis.Degradation;

/// <summary>
/// Separable resizing with a kernel stretched by the scale when shrinking (anti-aliased, as PIL does): nearest,
/// bilinear (triangle), bicubic (Keys a = -0.5) and area (box). Pixel centres are aligned (half-pixel convention).
/// Used by the rescale degradation; results are clamped to [0, 1].
/// </summary>
internal static class SimpleResampler
{
    public static GrayImage Resize(GrayImage source, int width, int height, string method)
    {
        if (width == source.Width && height == source.Height)
        {
            return source.Clone();
        }

        var horizontal = Weights(source.Width, width, method);
        var vertical = Weights(source.Height, height, method);
        var temp = new float[source.Height * width];
        Parallel.For(0, source.Height, y =>
        {
            var row = source.Pixels.AsSpan(y * source.Width, source.Width);
            for (var x = 0; x < width; x++)
            {
                var (first, taps) = horizontal[x];
                double sum = 0;
                for (var t = 0; t < taps.Length; t++)
                {
                    sum += taps[t] * row[first + t];
                }

                temp[y * width + x] = (float)sum;
            }
        });
        var result = new GrayImage(width, height);
        Parallel.For(0, height, y =>
        {
            var (first, taps) = vertical[y];
            var output = result.Row(y);
            for (var x = 0; x < width; x++)
            {
                double sum = 0;
                for (var t = 0; t < taps.Length; t++)
                {
                    sum += taps[t] * temp[(first + t) * width + x];
                }

                output[x] = (float)Math.Clamp(sum, 0, 1);
            }
        });
        return result;
    }

    private static (int First, double[] Taps)[] Weights(int sourceSize, int targetSize, string method)
    {
        var scale = (double)sourceSize / targetSize;
        var stretch = Math.Max(1, scale);
        var support = method switch { "nearest" => 0.5, "bilinear" => 1.0, "bicubic" => 2.0, _ => 0.5 } * stretch;
        var weights = new (int, double[])[targetSize];
        for (var i = 0; i < targetSize; i++)
        {
            var centre = (i + 0.5) * scale - 0.5;
            if (method == "nearest")
            {
                weights[i] = (Math.Clamp((int)Math.Floor(centre + 0.5), 0, sourceSize - 1), [1.0]);
                continue;
            }

            var first = (int)Math.Floor(centre - support) + 1;
            var last = (int)Math.Ceiling(centre + support) - 1;
            var taps = new double[last - first + 1];
            double total = 0;
            for (var j = first; j <= last; j++)
            {
                var t = (j - centre) / stretch;
                var w = method switch
                {
                    "bilinear" => Math.Max(0, 1 - Math.Abs(t)),
                    "bicubic" => Cubic(Math.Abs(t)),
                    _ => Math.Abs(t) <= 0.5 ? 1.0 : 0.0,
                };
                taps[j - first] = w;
                total += w;
            }

            // Fold taps outside the image back onto the edge pixels (clamp-to-edge).
            var clampedFirst = Math.Max(0, first);
            var clampedLast = Math.Min(sourceSize - 1, last);
            var folded = new double[clampedLast - clampedFirst + 1];
            for (var j = first; j <= last; j++)
            {
                folded[Math.Clamp(j, 0, sourceSize - 1) - clampedFirst] += taps[j - first] / total;
            }

            weights[i] = (clampedFirst, folded);
        }

        return weights;
    }

    private static double Cubic(double t)
    {
        const double a = -0.5;
        return t < 1 ? ((a + 2) * t - (a + 3)) * t * t + 1 : t < 2 ? ((a * t - 5 * a) * t + 8 * a) * t - 4 * a : 0;
    }
}
