using System.Numerics.Tensors;
using SemRestore.Imaging;

namespace SemRestore.Synthesis.Acquisition;

/// <summary>
/// Sub-pixel translation by separable cubic convolution (Keys, a = -0.5, i.e. Catmull-Rom): four taps per axis,
/// one horizontal and one vertical vector pass. An integer shift is an exact copy.
/// </summary>
public static class SubPixelShift
{
    /// <summary>
    /// Adds <paramref name="weight"/> * source(x + <paramref name="shiftX"/>, y + <paramref name="shiftY"/>) to
    /// <paramref name="destination"/> for every destination pixel (x, y). The taps must stay inside the source:
    /// floor(shift) - 1 &gt;= 0 and floor(shift) + 2 + destination size &lt;= source size on each axis.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The shifted window leaves the source.</exception>
    public static void AccumulateShifted(GrayImage source, double shiftX, double shiftY, float weight, GrayImage destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var ix = (int)Math.Floor(shiftX);
        var iy = (int)Math.Floor(shiftY);
        var wx = Weights(shiftX - ix);
        var wy = Weights(shiftY - iy);
        var width = destination.Width;
        var height = destination.Height;
        if (ix - 1 < 0 || iy - 1 < 0 || ix + 2 + width > source.Width || iy + 2 + height > source.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(shiftX),
                $"Shift ({shiftX:0.###}, {shiftY:0.###}) of a {width}x{height} window leaves the {source.Width}x{source.Height} source (cubic taps need one pixel before and two after).");
        }

        // Horizontal pass over the height + 3 source rows the vertical taps read.
        var rows = height + 3;
        var horizontal = new float[rows * width];
        var options = RowParallelism.Options(cancellationToken);
        Parallel.For(0, rows, options, r =>
        {
            var sourceRow = source.Pixels.AsSpan((iy - 1 + r) * source.Width, source.Width);
            var output = horizontal.AsSpan(r * width, width);
            TensorPrimitives.Multiply(sourceRow.Slice(ix - 1, width), wx[0], output);
            for (var t = 1; t < 4; t++)
            {
                TensorPrimitives.MultiplyAdd(sourceRow.Slice(ix - 1 + t, width), wx[t], output, output);
            }
        });
        Parallel.For(0, height, options, y =>
        {
            var output = destination.Row(y);
            for (var t = 0; t < 4; t++)
            {
                TensorPrimitives.MultiplyAdd(horizontal.AsSpan((y + t) * width, width), wy[t] * weight, output, output);
            }
        });
    }

    /// <summary>The four cubic-convolution weights for taps at -1, 0, 1, 2 and fraction <paramref name="f"/> in [0, 1); they sum to 1.</summary>
    public static float[] Weights(double f)
    {
        const double a = -0.5;
        static double Near(double t) => ((a + 2) * t - (a + 3)) * t * t + 1;
        static double Far(double t) => ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
        return [(float)Far(1 + f), (float)Near(f), (float)Near(1 - f), (float)Far(2 - f)];
    }
}
