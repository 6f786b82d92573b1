using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Gaussian;

/// <summary>
/// Separable Gaussian blur: weights w_k = exp(-k^2 / (2 sigma^2)) for k in [-radius, radius], normalised to sum 1
/// (cv2.getGaussianKernel), applied down the columns then along the rows with 8-lane SIMD and the kernel's symmetry.
/// </summary>
[Denoiser("gaussian")]
public sealed class GaussianDenoiser : IDenoiser
{
    private readonly float[] _weights;

    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public GaussianDenoiser(GaussianOptions? options = null)
    {
        Options = options ?? new GaussianOptions();
        Options.Validate();
        _weights = Kernel(Options.Sigma, Options.EffectiveRadius);
    }

    /// <summary>The validated options this denoiser runs with.</summary>
    public GaussianOptions Options { get; }

    /// <summary>The canonical spec with every option, e.g. what <see cref="DenoiserRegistry.Create(string)"/> accepts back.</summary>
    public string Description => Options.ToSpec();

    /// <summary>Registry factory: reads the options from a parsed spec.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown or out of range.</exception>
    public static GaussianDenoiser FromSpec(NamedSpec spec) => new(GaussianOptions.FromSpec(spec));

    /// <summary>The normalised 1-D kernel of length 2 * radius + 1.</summary>
    public static float[] Kernel(double sigma, int radius)
    {
        var weights = new double[2 * radius + 1];
        double sum = 0;
        for (var k = -radius; k <= radius; k++)
        {
            weights[k + radius] = Math.Exp(-(double)k * k / (2 * sigma * sigma));
            sum += weights[k + radius];
        }

        return weights.Select(w => (float)(w / sum)).ToArray();
    }

    /// <exception cref="InvalidInputException">The image holds NaN or infinity.</exception>
    public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = InputGuard.CreateUninitializedLike(input);
        int width = input.Width, height = input.Height, radius = Options.EffectiveRadius;
        var border = Options.Border;
        var stride = Border.PaddedStride(width, radius);
        var source = input.Pixels;
        var weights = _weights;
        var nonFinite = 0;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new Scratch(stride, 2 * radius + 1), (y, _, scratch) =>
        {
            // Every row is the centre row of exactly one output row: checking it here replaces a pass over the image.
            if (!InputGuard.AllFinite(source.AsSpan(y * width, width)))
            {
                Volatile.Write(ref nonFinite, 1);
                return scratch;
            }

            var column = scratch.Column.AsSpan();
            var rows = scratch.Rows;
            for (var k = 0; k <= 2 * radius; k++)
            {
                rows[k] = Border.Map(y + k - radius, height, border) * width;
            }

            // Vertical pass straight from the source rows into column[radius + x], pairing rows k and 2r - k.
            var x = Vector512.IsHardwareAccelerated ? VerticalBlocks512(source, rows, weights, radius, width, scratch.Column) : 0;
            var centre = Vector256.Create(weights[radius]);
            for (; x + 8 <= width; x += 8)
            {
                var acc = centre * SimdMath.Load(source, rows[radius] + x);
                for (var k = 0; k < radius; k++)
                {
                    var pair = SimdMath.Load(source, rows[k] + x) + SimdMath.Load(source, rows[2 * radius - k] + x);
                    acc = Vector256.FusedMultiplyAdd(Vector256.Create(weights[k]), pair, acc);
                }

                SimdMath.Store(column, radius + x, acc);
            }

            for (; x < width; x++)
            {
                var acc = weights[radius] * source[rows[radius] + x];
                for (var k = 0; k < radius; k++)
                {
                    acc += weights[k] * (source[rows[k] + x] + source[rows[2 * radius - k] + x]);
                }

                column[radius + x] = acc;
            }

            // Border columns: filtering down a column commutes with choosing which column to read.
            for (var j = 0; j < radius; j++)
            {
                column[j] = column[radius + Border.Map(j - radius, width, border)];
                column[radius + width + j] = column[radius + Border.Map(width + j, width, border)];
            }

            // Horizontal pass into the output row; loads end at x + 2 radius + 7 < width + 2 radius.
            var target = output.Row(y);
            x = Vector512.IsHardwareAccelerated ? HorizontalBlocks512(scratch.Column, weights, radius, width, output.Pixels, y * width) : 0;
            for (; x + 8 <= width; x += 8)
            {
                var acc = centre * SimdMath.Load(column, x + radius);
                for (var k = 0; k < radius; k++)
                {
                    var pair = SimdMath.Load(column, x + k) + SimdMath.Load(column, x + 2 * radius - k);
                    acc = Vector256.FusedMultiplyAdd(Vector256.Create(weights[k]), pair, acc);
                }

                SimdMath.Store(target, x, acc);
            }

            for (; x < width; x++)
            {
                var acc = weights[radius] * column[x + radius];
                for (var k = 0; k < radius; k++)
                {
                    acc += weights[k] * (column[x + k] + column[x + 2 * radius - k]);
                }

                target[x] = acc;
            }

            return scratch;
        }, _ => { });
        if (nonFinite != 0)
        {
            InputGuard.EnsureFinite(input, "gaussian"); // throws, naming the first non-finite pixel
        }

        return output;
    }

    /// <summary>The vertical pass into column[radius + x] with AVX-512: tap pair k reads source rows k and 2r - k.</summary>
    private static unsafe int VerticalBlocks512(float[] source, int[] rows, float[] weights, int radius, int width, float[] column)
    {
        fixed (float* src = source, col = column)
        {
            var low = stackalloc float*[radius];
            var high = stackalloc float*[radius];
            for (var k = 0; k < radius; k++)
            {
                low[k] = src + rows[k];
                high[k] = src + rows[2 * radius - k];
            }

            return SymmetricBlocks512(src + rows[radius], low, high, weights, radius, width, col + radius);
        }
    }

    /// <summary>The horizontal pass into the output row with AVX-512: tap pair k reads column x + k and x + 2r - k.</summary>
    private static unsafe int HorizontalBlocks512(float[] column, float[] weights, int radius, int width, float[] output, int rowStart)
    {
        fixed (float* col = column, o = output)
        {
            var low = stackalloc float*[radius];
            var high = stackalloc float*[radius];
            for (var k = 0; k < radius; k++)
            {
                low[k] = col + k;
                high[k] = col + 2 * radius - k;
            }

            return SymmetricBlocks512(col + radius, low, high, weights, radius, width, o + rowStart);
        }
    }

    /// <summary>
    /// destination[x] = w_r centre[x] + sum_k w_k (low_k[x] + high_k[x]) on 64 (then 16) pixels per step: four
    /// accumulators share each tap's weight and addresses. Every pixel sums the centre first, then taps 0..r-1 in order,
    /// exactly as the 8-lane loop, so results do not depend on the vector width. Returns the first pixel not written.
    /// </summary>
    private static unsafe int SymmetricBlocks512(float* centre, float** low, float** high, float[] weights, int radius, int width, float* destination)
    {
        var x = 0;
        fixed (float* w = weights)
        {
            var centreWeight = Vector512.Create(w[radius]);
            for (; x + 64 <= width; x += 64)
            {
                var a0 = centreWeight * Vector512.Load(centre + x);
                var a1 = centreWeight * Vector512.Load(centre + x + 16);
                var a2 = centreWeight * Vector512.Load(centre + x + 32);
                var a3 = centreWeight * Vector512.Load(centre + x + 48);
                for (var k = 0; k < radius; k++)
                {
                    var wk = Vector512.Create(w[k]);
                    var p = low[k] + x;
                    var q = high[k] + x;
                    a0 = Vector512.FusedMultiplyAdd(wk, Vector512.Load(p) + Vector512.Load(q), a0);
                    a1 = Vector512.FusedMultiplyAdd(wk, Vector512.Load(p + 16) + Vector512.Load(q + 16), a1);
                    a2 = Vector512.FusedMultiplyAdd(wk, Vector512.Load(p + 32) + Vector512.Load(q + 32), a2);
                    a3 = Vector512.FusedMultiplyAdd(wk, Vector512.Load(p + 48) + Vector512.Load(q + 48), a3);
                }

                a0.Store(destination + x);
                a1.Store(destination + x + 16);
                a2.Store(destination + x + 32);
                a3.Store(destination + x + 48);
            }

            for (; x + 16 <= width; x += 16)
            {
                var acc = centreWeight * Vector512.Load(centre + x);
                for (var k = 0; k < radius; k++)
                {
                    acc = Vector512.FusedMultiplyAdd(Vector512.Create(w[k]), Vector512.Load(low[k] + x) + Vector512.Load(high[k] + x), acc);
                }

                acc.Store(destination + x);
            }
        }

        return x;
    }

    private sealed class Scratch(int stride, int taps)
    {
        public float[] Column { get; } = new float[stride];

        public int[] Rows { get; } = new int[taps];
    }
}
