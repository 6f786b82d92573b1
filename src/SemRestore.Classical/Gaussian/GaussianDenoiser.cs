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

    public GaussianOptions Options { get; }

    public string Description => Options.ToSpec();

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
        var output = input.CreateLike();
        int width = input.Width, height = input.Height, radius = Options.EffectiveRadius;
        var stride = Border.PaddedStride(width, radius);
        var padded = Border.Pad(input.Pixels, width, height, radius, radius, stride, Options.Border);
        var weights = _weights;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new float[2 * stride], (y, _, scratch) =>
        {
            var column = scratch.AsSpan(0, stride);
            var row = scratch.AsSpan(stride, stride);
            var centre = Vector256.Create(weights[radius]);
            // Vertical pass over the whole padded row (padding columns included), pairing rows y+k and y+2r-k.
            for (var x = 0; x < stride; x += 8)
            {
                var acc = centre * SimdMath.Load(padded, (y + radius) * stride + x);
                for (var k = 0; k < radius; k++)
                {
                    var pair = SimdMath.Load(padded, (y + k) * stride + x) + SimdMath.Load(padded, (y + 2 * radius - k) * stride + x);
                    acc = Vector256.FusedMultiplyAdd(Vector256.Create(weights[k]), pair, acc);
                }

                SimdMath.Store(column, x, acc);
            }

            // Horizontal pass; loads end at roundUp(width, 8) + 2 radius + 7 < stride.
            for (var x = 0; x < width; x += 8)
            {
                var acc = centre * SimdMath.Load(column, x + radius);
                for (var k = 0; k < radius; k++)
                {
                    var pair = SimdMath.Load(column, x + k) + SimdMath.Load(column, x + 2 * radius - k);
                    acc = Vector256.FusedMultiplyAdd(Vector256.Create(weights[k]), pair, acc);
                }

                SimdMath.Store(row, x, acc);
            }

            row[..width].CopyTo(output.Row(y));
            return scratch;
        }, _ => { });
        return output;
    }
}
