using System.Runtime.CompilerServices;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Internal;

/// <summary>Index mapping and padded copies for <see cref="BorderMode"/>.</summary>
internal static class Border
{
    /// <summary>Maps a possibly out-of-range index into [0, n) by the border rule (any overshoot, repeated mirroring).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Map(int i, int n, BorderMode mode)
    {
        if ((uint)i < (uint)n)
        {
            return i;
        }

        if (mode == BorderMode.Replicate || n == 1)
        {
            return i < 0 ? 0 : n - 1;
        }

        var period = 2 * n - 2;
        i %= period;
        if (i < 0)
        {
            i += period;
        }

        return i < n ? i : period - i;
    }

    /// <summary>Reads the <c>border</c> key of a spec: <c>reflect</c> (default) or <c>replicate</c>.</summary>
    public static BorderMode FromSpec(NamedSpec spec) =>
        spec.GetChoice("border", "reflect", "reflect", "replicate") == "reflect" ? BorderMode.Reflect : BorderMode.Replicate;

    /// <summary>The spec text of a border mode.</summary>
    public static string ToSpec(BorderMode mode) => mode == BorderMode.Reflect ? "reflect" : "replicate";

    /// <summary>The stride of a padded copy: width + 2 * pad rounded up to 8 lanes, plus 8 spare lanes so full-vector loads never run off a row.</summary>
    public static int PaddedStride(int width, int pad) => ((width + 2 * pad + 7) & ~7) + 8;

    /// <summary>
    /// Copies <paramref name="source"/> (width x height) into a new buffer of <c>stride x (height + 2 padY)</c>:
    /// element (x + padX, y + padY) is source pixel (x, y); every other element, the spare lanes included, follows the border rule.
    /// </summary>
    public static float[] Pad(ReadOnlySpan<float> source, int width, int height, int padX, int padY, int stride, BorderMode mode)
    {
        var paddedHeight = height + 2 * padY;
        var padded = new float[(long)stride * paddedHeight];
        var columns = new int[stride];
        for (var j = 0; j < stride; j++)
        {
            columns[j] = Map(j - padX, width, mode);
        }

        for (var y = 0; y < paddedHeight; y++)
        {
            var sourceRow = source.Slice(Map(y - padY, height, mode) * width, width);
            var row = padded.AsSpan(y * stride, stride);
            sourceRow.CopyTo(row.Slice(padX, width));
            for (var j = 0; j < padX; j++)
            {
                row[j] = sourceRow[columns[j]];
            }

            for (var j = padX + width; j < stride; j++)
            {
                row[j] = sourceRow[columns[j]];
            }
        }

        return padded;
    }
}
