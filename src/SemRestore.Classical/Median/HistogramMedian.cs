using SemRestore.Classical.Internal;

namespace SemRestore.Classical.Median;

/// <summary>
/// Exact median for any odd window by Huang's sliding histogram (T. S. Huang, G. J. Yang, G. Y. Tang,
/// "A fast two-dimensional median filtering algorithm", 1979) over 16-bit codes, with a two-level histogram
/// (4096 coarse bins of 16 codes) and a median pointer that moves incrementally as the window slides.
/// </summary>
/// <remarks>
/// Code = round(v * 65535) clamped to [0, 65535], monotone in v. If no two distinct values share a code (true for
/// every 8- and 16-bit source) a table maps the median code straight back to its value. Otherwise each code also keeps
/// the XOR of the bit patterns of the window values in it: when the median's code holds one window pixel, that XOR is
/// its exact value; when it holds several, the window pixels with that code are ranked directly. Either way the
/// output is the exact float median. Rows run in parallel, each with its own histogram.
/// </remarks>
internal static class HistogramMedian
{
    private const int Codes = 65536;
    private const int Shift = 4;
    private const int CoarseBins = Codes >> Shift;

    public static void Run(float[] source, float[] destination, int width, int height, int size, BorderMode border, CancellationToken cancellationToken)
    {
        var radius = size / 2;
        var stride = width + 2 * radius;
        var padded = Border.Pad(source, width, height, radius, radius, stride, border);
        var codes = new ushort[padded.Length];
        var table = new float[Codes];
        var exact = BuildCodes(padded, codes, table);
        var bits = exact ? null : new int[padded.Length];
        if (bits is not null)
        {
            Buffer.BlockCopy(padded, 0, bits, 0, padded.Length * sizeof(float));
        }

        var target = (size * size - 1) / 2;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new RowState(size, exact), (y, _, state) =>
        {
            var coarse = state.Coarse;
            var fine = state.Fine;
            var xor = state.Xor;
            var top = y * stride;
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                {
                    var i = top + r * stride + c;
                    var code = codes[i];
                    coarse[code >> Shift]++;
                    fine[code]++;
                    if (xor is not null)
                    {
                        xor[code] ^= bits![i];
                    }
                }
            }

            // Invariant after the two loops below: below = number of window pixels in coarse bins < bin,
            // and below <= target < below + coarse[bin].
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
                var f = bin << Shift;
                while (fine[f] <= rank)
                {
                    rank -= fine[f];
                    f++;
                }

                if (xor is null)
                {
                    outputRow[x] = table[f];
                }
                else if (fine[f] == 1)
                {
                    outputRow[x] = BitConverter.Int32BitsToSingle(xor[f]);
                }
                else
                {
                    outputRow[x] = Resolve(padded, codes, top + x, stride, size, (ushort)f, rank, state.Bucket);
                }

                if (x + 1 < width)
                {
                    var leaving = top + x;
                    var entering = top + x + size;
                    for (var r = 0; r < size; r++)
                    {
                        var i = leaving + r * stride;
                        var old = codes[i];
                        coarse[old >> Shift]--;
                        fine[old]--;
                        // Branch-free: ((c >> Shift) - bin) >> 31 is -1 when the code lies below the median's bin, else 0.
                        below += ((old >> Shift) - bin) >> 31;

                        var j = entering + r * stride;
                        var code = codes[j];
                        coarse[code >> Shift]++;
                        fine[code]++;
                        below -= ((code >> Shift) - bin) >> 31;

                        if (xor is not null)
                        {
                            xor[old] ^= bits![i];
                            xor[code] ^= bits![j];
                        }
                    }
                }
            }

            // Leave the histogram empty for the next row this thread takes (XOR of the same values cancels too).
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                {
                    var i = top + r * stride + width - 1 + c;
                    var code = codes[i];
                    coarse[code >> Shift]--;
                    fine[code]--;
                    if (xor is not null)
                    {
                        xor[code] ^= bits![i];
                    }
                }
            }

            return state;
        }, _ => { });
    }

    /// <summary>
    /// Fills codes; returns true when each code holds a single distinct value. Then codes are renumbered densely in value
    /// order (an 8-bit source uses codes 0..255, so the median pointer walks few bins) and table[code] is the value.
    /// </summary>
    private static bool BuildCodes(float[] padded, ushort[] codes, float[] table)
    {
        var seen = new bool[Codes];
        var values = new float[Codes];
        var exact = true;
        for (var i = 0; i < padded.Length; i++)
        {
            var value = padded[i];
            var code = (int)MathF.Round(Math.Clamp(value, 0f, 1f) * 65535f);
            codes[i] = (ushort)code;
            if (!seen[code])
            {
                seen[code] = true;
                values[code] = value;
            }
            else if (exact && BitConverter.SingleToInt32Bits(values[code]) != BitConverter.SingleToInt32Bits(value))
            {
                exact = false;
            }
        }

        if (!exact)
        {
            return false;
        }

        var dense = new ushort[Codes];
        var next = 0;
        for (var code = 0; code < Codes; code++)
        {
            if (seen[code])
            {
                dense[code] = (ushort)next;
                table[next++] = values[code];
            }
        }

        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = dense[codes[i]];
        }

        return true;
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

    private sealed class RowState(int size, bool exact)
    {
        public int[] Coarse { get; } = new int[CoarseBins + 1];

        public int[] Fine { get; } = new int[Codes];

        public int[]? Xor { get; } = exact ? null : new int[Codes];

        public float[] Bucket { get; } = new float[size * size];
    }
}
