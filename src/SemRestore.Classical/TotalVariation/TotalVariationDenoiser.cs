using SemRestore.Classical.Internal;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.TotalVariation;

/// <summary>
/// Total-variation denoising by Chambolle's projection algorithm (A. Chambolle, "An algorithm for total variation
/// minimization and applications", 2004), step by step as skimage's denoise_tv_chambolle (2-D): dual field p, out =
/// image - div p (backward differences), g = forward differences of out (zero on the last row/column),
/// p = (p - g/4) / (1 + |g| / (4 weight)); stops when the energy changes by less than eps times its first value.
/// </summary>
/// <remarks>Computed in float with energy sums in double, each row's partial sum added in row order, so the result does not depend on the thread count.</remarks>
[Denoiser("tv")]
public sealed class TotalVariationDenoiser : IDenoiser
{
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public TotalVariationDenoiser(TotalVariationOptions? options = null)
    {
        Options = options ?? new TotalVariationOptions();
        Options.Validate();
    }

    /// <summary>The validated options this denoiser runs with.</summary>
    public TotalVariationOptions Options { get; }

    /// <summary>The canonical spec with every option, e.g. what <see cref="DenoiserRegistry.Create(string)"/> accepts back.</summary>
    public string Description => Options.ToSpec();

    /// <summary>Registry factory: reads the options from a parsed spec.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown or out of range.</exception>
    public static TotalVariationDenoiser FromSpec(NamedSpec spec) => new(TotalVariationOptions.FromSpec(spec));

    /// <exception cref="InvalidInputException">The image holds NaN or infinity.</exception>
    public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default)
    {
        InputGuard.EnsureFinite(input, "tv");
        int width = input.Width, height = input.Height;
        var image = input.Pixels;
        var output = input.Clone();
        var result = output.Pixels;
        var p0 = new float[image.Length];
        var p1 = new float[image.Length];
        var rowEnergy = new double[height];
        var weight = (float)Options.Weight;
        const float tau = 0.25f;
        var normScale = tau / weight;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        double initial = 0, previous = 0;
        for (var iteration = 0; iteration < Options.Iterations; iteration++)
        {
            var first = iteration == 0;
            // out = image + d with d = -div p; energy part sum(d^2).
            Parallel.For(0, height, options, y =>
            {
                double energy = 0;
                var o = y * width;
                for (var x = 0; x < width; x++)
                {
                    var i = o + x;
                    float d = 0;
                    if (!first)
                    {
                        d = -(p0[i] + p1[i]);
                        if (y > 0)
                        {
                            d += p0[i - width];
                        }

                        if (x > 0)
                        {
                            d += p1[i - 1];
                        }
                    }

                    result[i] = image[i] + d;
                    energy += (double)d * d;
                }

                rowEnergy[y] = energy;
            });

            // Gradients must see the whole new image, so they run after the pass above.
            Parallel.For(0, height, options, y =>
            {
                double normSum = 0;
                var o = y * width;
                for (var x = 0; x < width; x++)
                {
                    var i = o + x;
                    var gy = y + 1 < height ? result[i + width] - result[i] : 0f;
                    var gx = x + 1 < width ? result[i + 1] - result[i] : 0f;
                    var norm = MathF.Sqrt(gy * gy + gx * gx);
                    normSum += norm;
                    var divisor = 1f + norm * normScale;
                    p0[i] = (p0[i] - tau * gy) / divisor;
                    p1[i] = (p1[i] - tau * gx) / divisor;
                }

                rowEnergy[y] += weight * normSum;
            });

            double total = 0;
            for (var y = 0; y < height; y++)
            {
                total += rowEnergy[y];
            }

            total /= image.Length;
            if (first)
            {
                initial = total;
                previous = total;
            }
            else if (Math.Abs(previous - total) < Options.Eps * initial)
            {
                break;
            }
            else
            {
                previous = total;
            }
        }

        return output;
    }
}
