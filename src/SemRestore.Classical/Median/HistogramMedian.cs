using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;

namespace SemRestore.Classical.Median;

/// <summary>
/// Exact median for any odd window by Huang's sliding histogram (T. S. Huang, G. J. Yang, G. Y. Tang,
/// "A fast two-dimensional median filtering algorithm", 1979) over 16-bit codes, with a two-level
/// histogram (256 coarse bins of 256 fine bins) so the median search costs two short scans.
/// </summary>
/// <remarks>
/// Code = round(v * 65535) clamped to [0, 65535], monotone in v. If no two distinct values share a code
/// (true for every 8- and 16-bit source) a table maps the median code straight back to its value; otherwise
/// the median code's bucket is resolved by ranking the window pixels in that bucket, so the result is
/// always the exact float median. Rows run in parallel, each with its own histogram.
/// </remarks>
internal static class HistogramMedian
{
    private const int Codes = 65536;

    public static void Run(float[] source, float[] destination, int width, int height, int size, BorderMode border, CancellationToken cancellationToken)
    {
        var radius = size / 2;
        var stride = Border.PaddedStride(width, radius);
        var padded = Border.Pad(source, width, height, radius, radius, stride, border);
        var codes = new ushort[padded.Length];
        var table = new float[Codes];
        var exact = BuildCodes(padded, codes, table);
        var target = (size * size - 1) / 2;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new RowState(size), (y, _, state) =>
        {
            var coarse = state.Coarse;
            var fine = state.Fine;
            var top = y * stride;
            for (var r = 0; r < size; r++)
            {
                var row = top + r * stride;
                for (var c = 0; c < size; c++)
                {
                    var code = codes[row + c];
                    coarse[code >> 8]++;
                    fine[code]++;
                }
            }

            // below = number of window pixels whose coarse bin is < bin.
            var bin = 0;
            var below = 0;
            var outputRow = destination.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                while (below + coarse[bin] <= target)
                {
                    below += coarse[bin];
                    bin++;
                }

                while (below > target)
                {
                    bin--;
                    below -= coarse[bin];
                }

                var rank = target - below;
                var f = bin << 8;
                var end = f + 256;
                while (f + 8 <= end)
                {
                    var block = Vector256.Sum(Vector256.Create<int>(fine.AsSpan(f, 8)));
                    if (block > rank)
                    {
                        break;
                    }

                    rank -= block;
                    f += 8;
                }

                while (fine[f] <= rank)
                {
                    rank -= fine[f];
                    f++;
                }

                outputRow[x] = exact ? table[f] : Resolve(padded, codes, top + x, stride, size, (ushort)f, rank, state.Bucket);

                if (x + 1 < width)
                {
                    var leaving = top + x;
                    var entering = top + x + size;
                    for (var r = 0; r < size; r++)
                    {
                        var old = codes[leaving + r * stride];
                        coarse[old >> 8]--;
                        fine[old]--;
                        if (old >> 8 < bin)
                        {
                            below--;
                        }

                        var code = codes[entering + r * stride];
                        coarse[code >> 8]++;
                        fine[code]++;
                        if (code >> 8 < bin)
                        {
                            below++;
                        }
                    }
                }
            }

            // Leave the histogram empty for the next row this thread takes.
            for (var r = 0; r < size; r++)
            {
                var row = top + r * stride + width - 1;
                for (var c = 0; c < size; c++)
                {
                    var code = codes[row + c];
                    coarse[code >> 8]--;
                    fine[code]--;
                }
            }

            return state;
        }, _ => { });
    }

    /// <summary>Fills codes; returns true when each code holds a single distinct value (then table[code] is that value).</summary>
    private static bool BuildCodes(float[] padded, ushort[] codes, float[] table)
    {
        var seen = new bool[Codes];
        var exact = true;
        for (var i = 0; i < padded.Length; i++)
        {
            var value = padded[i];
            var code = (int)MathF.Round(Math.Clamp(value, 0f, 1f) * 65535f);
            codes[i] = (ushort)code;
            if (!seen[code])
            {
                seen[code] = true;
                table[code] = value;
            }
            else if (exact && table[code] != value)
            {
                exact = false;
            }
        }

        return exact;
    }

    /// <summary>The rank-th smallest (0-based) of the window pixels whose code is <paramref name="code"/>.</summary>
    private static float Resolve(float[] padded, ushort[] codes, int topLeft, int stride, int size, ushort code, int rank, float[] bucket)
    {
        var count = 0;
        for (var r = 0; r < size; r++)
        {
            var row = topLeft + r * stride;
            for (var c = 0; c < size; c++)
            {
                if (codes[row + c] == code)
                {
                    bucket[count++] = padded[row + c];
                }
            }
        }

        var values = bucket.AsSpan(0, count);
        values.Sort();
        return values[rank];
    }

    private sealed class RowState(int size)
    {
        public int[] Coarse { get; } = new int[256];

        public int[] Fine { get; } = new int[Codes];

        public float[] Bucket { get; } = new float[size * size];
    }
}
