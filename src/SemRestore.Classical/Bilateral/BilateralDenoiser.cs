using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Bilateral;

/// <summary>
/// Bilateral filter (Tomasi and Manduchi 1998) with OpenCV's window: out(p) = sum_q w(p,q) I(q) / sum_q w(p,q) over the
/// disc |q - p| &lt;= radius, w = exp(-|q-p|^2 / (2 sigma_space^2)) * exp(-(I(q) - I(p))^2 / (2 sigma_color^2)), with
/// sigma_color given in 8-bit units (divided by 255 here). The range weight uses exact exp where OpenCV interpolates a
/// 4096-entry table, so results agree with cv2.bilateralFilter on float input to about 1e-4.
/// </summary>
[Denoiser("bilateral")]
public sealed class BilateralDenoiser : IDenoiser
{
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public BilateralDenoiser(BilateralOptions? options = null)
    {
        Options = options ?? new BilateralOptions();
        Options.Validate();
    }

    /// <summary>The validated options this denoiser runs with.</summary>
    public BilateralOptions Options { get; }

    /// <summary>The canonical spec with every option, e.g. what <see cref="DenoiserRegistry.Create(string)"/> accepts back.</summary>
    public string Description => Options.ToSpec();

    /// <summary>Registry factory: reads the options from a parsed spec.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown or out of range.</exception>
    public static BilateralDenoiser FromSpec(NamedSpec spec) => new(BilateralOptions.FromSpec(spec));

    /// <exception cref="InvalidInputException">The image holds NaN or infinity.</exception>
    public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default)
    {
        InputGuard.EnsureFinite(input, "bilateral");
        var output = input.CreateLike();
        int width = input.Width, height = input.Height, radius = Options.EffectiveRadius;
        var stride = Border.PaddedStride(width, radius);
        var padded = Border.Pad(input.Pixels, width, height, radius, radius, stride, Options.Border);

        // Taps of the disc in raster order; each carries log(spatial weight) so one exp gives the whole weight.
        var offsets = new List<int>();
        var logSpatial = new List<float>();
        var spaceCoefficient = -0.5 / (Options.SigmaSpace * Options.SigmaSpace);
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                var r2 = (double)dy * dy + (double)dx * dx;
                if (Math.Sqrt(r2) > radius)
                {
                    continue;
                }

                offsets.Add((dy + radius) * stride + dx + radius);
                logSpatial.Add((float)(r2 * spaceCoefficient));
            }
        }

        var tapOffsets = offsets.ToArray();
        var tapLogWeights = logSpatial.ToArray();
        var sigmaColor = Options.SigmaColor / 255.0;
        var colorCoefficient = Vector256.Create((float)(-0.5 / (sigmaColor * sigmaColor)));
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new float[stride], (y, _, row) =>
        {
            var top = y * stride;
            var centreOffset = top + radius * stride + radius;
            for (var x = 0; x < width; x += 8)
            {
                var centre = SimdMath.Load(padded, centreOffset + x);
                var sum = Vector256<float>.Zero;
                var weightSum = Vector256<float>.Zero;
                for (var t = 0; t < tapOffsets.Length; t++)
                {
                    var value = SimdMath.Load(padded, top + tapOffsets[t] + x);
                    var difference = value - centre;
                    var weight = SimdMath.Exp(Vector256.FusedMultiplyAdd(difference * difference, colorCoefficient, Vector256.Create(tapLogWeights[t])));
                    sum = Vector256.FusedMultiplyAdd(weight, value, sum);
                    weightSum += weight;
                }

                SimdMath.Store(row, x, sum / weightSum);
            }

            row.AsSpan(0, width).CopyTo(output.Row(y));
            return row;
        }, _ => { });
        return output;
    }
}
