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
        InputGuard.EnsureFinite(input, "gaussian");
        var output = InputGuard.CreateUninitializedLike(input);
        int width = input.Width, height = input.Height, radius = Options.EffectiveRadius;
        var border = Options.Border;
        var stride = Border.PaddedStride(width, radius);
        var source = input.Pixels;
        var weights = _weights;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new Scratch(stride, 2 * radius + 1), (y, _, scratch) =>
        {
            var column = scratch.Column.AsSpan();
            var rows = scratch.Rows;
            for (var k = 0; k <= 2 * radius; k++)
            {
                rows[k] = Border.Map(y + k - radius, height, border) * width;
            }

            // Vertical pass straight from the source rows into column[radius + x], pairing rows k and 2r - k.
            var centre = Vector256.Create(weights[radius]);
            var x = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                // 16 lanes where AVX-512 exists; the 8-lane and scalar loops finish the row.
                var centre512 = Vector512.Create(weights[radius]);
                for (; x + 16 <= width; x += 16)
                {
                    var acc = centre512 * SimdMath.Load512(source, rows[radius] + x);
                    for (var k = 0; k < radius; k++)
                    {
                        var pair = SimdMath.Load512(source, rows[k] + x) + SimdMath.Load512(source, rows[2 * radius - k] + x);
                        acc = Vector512.FusedMultiplyAdd(Vector512.Create(weights[k]), pair, acc);
                    }

                    SimdMath.Store512(column, radius + x, acc);
                }
            }

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
            x = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var centre512 = Vector512.Create(weights[radius]);
                for (; x + 16 <= width; x += 16)
                {
                    var acc = centre512 * SimdMath.Load512(column, x + radius);
                    for (var k = 0; k < radius; k++)
                    {
                        var pair = SimdMath.Load512(column, x + k) + SimdMath.Load512(column, x + 2 * radius - k);
                        acc = Vector512.FusedMultiplyAdd(Vector512.Create(weights[k]), pair, acc);
                    }

                    SimdMath.Store512(target, x, acc);
                }
            }

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
        return output;
    }

    private sealed class Scratch(int stride, int taps)
    {
        public float[] Column { get; } = new float[stride];

        public int[] Rows { get; } = new int[taps];
    }
}
