using System.Numerics;
using System.Runtime.CompilerServices;

namespace SemRestore.Imaging.Io.Codecs;

/// <summary>
/// PNG scanline filters (RFC 2083 section 6): undo for reading, Paeth for writing. The first <c>bpp</c> bytes of a
/// row (no left neighbour) are handled apart, so the main loops carry no per-byte branches; Up is vectorised.
/// </summary>
internal static unsafe class PngFilters
{
    /// <summary>Undoes filter <paramref name="filter"/> on <paramref name="line"/> in place; <paramref name="previous"/> is the unfiltered row above (empty for the first row).</summary>
    /// <returns>False for an unknown filter type.</returns>
    public static bool Undo(int filter, Span<byte> line, ReadOnlySpan<byte> previous, int bpp)
    {
        var n = line.Length;
        var first = previous.IsEmpty;
        fixed (byte* row = line)
        fixed (byte* up = previous)
        {
            switch (filter)
            {
                case 0:
                    return true;
                case 1:
                    for (var i = bpp; i < n; i++)
                    {
                        row[i] += row[i - bpp];
                    }

                    return true;
                case 2:
                    if (!first)
                    {
                        var i = 0;
                        for (; i + Vector<byte>.Count <= n; i += Vector<byte>.Count)
                        {
                            var sum = Unsafe.ReadUnaligned<Vector<byte>>(row + i) + Unsafe.ReadUnaligned<Vector<byte>>(up + i);
                            Unsafe.WriteUnaligned(row + i, sum);
                        }

                        for (; i < n; i++)
                        {
                            row[i] += up[i];
                        }
                    }

                    return true;
                case 3:
                    if (first)
                    {
                        for (var i = bpp; i < n; i++)
                        {
                            row[i] += (byte)(row[i - bpp] >> 1);
                        }
                    }
                    else
                    {
                        var head = Math.Min(bpp, n);
                        for (var i = 0; i < head; i++)
                        {
                            row[i] += (byte)(up[i] >> 1);
                        }

                        for (var i = bpp; i < n; i++)
                        {
                            row[i] += (byte)((row[i - bpp] + up[i]) >> 1);
                        }
                    }

                    return true;
                case 4:
                    if (first)
                    {
                        // Paeth with no row above reduces to the left neighbour (Sub).
                        for (var i = bpp; i < n; i++)
                        {
                            row[i] += row[i - bpp];
                        }
                    }
                    else
                    {
                        var head = Math.Min(bpp, n);
                        for (var i = 0; i < head; i++)
                        {
                            row[i] += up[i];
                        }

                        for (var i = bpp; i < n; i++)
                        {
                            row[i] += (byte)Paeth(row[i - bpp], up[i], up[i - bpp]);
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Writes the Paeth-filtered <paramref name="current"/> row into <paramref name="output"/>; <paramref name="previous"/> is the raw row above (zeros for the first).</summary>
    public static void Paeth(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, Span<byte> output, int bpp)
    {
        var n = current.Length;
        fixed (byte* row = current)
        fixed (byte* up = previous)
        fixed (byte* result = output)
        {
            var head = Math.Min(bpp, n);
            for (var i = 0; i < head; i++)
            {
                result[i] = (byte)(row[i] - up[i]);
            }

            for (var i = bpp; i < n; i++)
            {
                result[i] = (byte)(row[i] - Paeth(row[i - bpp], up[i], up[i - bpp]));
            }
        }
    }

    /// <summary>The Paeth predictor: whichever of left, up, up-left is closest to left + up - up-left (ties: left, then up).</summary>
    /// <remarks>Branch-free (sign masks instead of comparisons): on noisy images the branches mispredict about every other byte.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Paeth(int a, int b, int c)
    {
        // |p - a| = |b - c|, |p - b| = |a - c|, |p - c| = |a + b - 2c| with p = a + b - c.
        var pa = Abs(b - c);
        var pb = Abs(a - c);
        var pc = Abs(a + b - c - c);
        var cBeatsB = (pc - pb) >> 31;                 // -1 when pc < pb
        var bOrC = b ^ ((b ^ c) & cBeatsB);
        var best = pb ^ ((pb ^ pc) & cBeatsB);         // min(pb, pc)
        return a ^ ((a ^ bOrC) & ((best - pa) >> 31)); // a unless min(pb, pc) < pa
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Abs(int x)
    {
        var sign = x >> 31;
        return (x ^ sign) - sign;
    }
}
