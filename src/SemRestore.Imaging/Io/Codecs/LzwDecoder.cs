using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SemRestore.Imaging.Io.Codecs;

/// <summary>
/// TIFF LZW decoder (MSB-first codes of 9 to 12 bits, Clear = 256, EOI = 257, "early change" as libtiff
/// writes it). Every table entry is a copy of an earlier stretch of the output, so an entry is stored as
/// (offset, length) into the output and emitting a code is one block copy instead of a prefix-chain walk.
/// </summary>
internal static class LzwDecoder
{
    private const int ClearCode = 256;
    private const int EndCode = 257;
    private const int FirstFreeCode = 258;
    private const int TableSize = 4096;

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <remarks>Decoding stops when the destination is full, at EOI, or when the input ends; corrupt codes throw.</remarks>
    /// <exception cref="InvalidDataException">A code refers to an entry that does not exist yet, the table overflows, or the data is old-style LZW.</exception>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length >= 2 && source[0] == 0 && (source[1] & 0x1) != 0)
        {
            throw new InvalidDataException("old-style (pre-TIFF 6.0, LSB-first) LZW data is not supported");
        }

        Span<int> offsets = stackalloc int[TableSize];
        Span<int> lengths = stackalloc int[TableSize];
        var written = 0;
        var nextCode = FirstFreeCode;
        var codeLength = 9;
        var previousStart = -1;
        var previousLength = 0;
        ulong bits = 0;
        var bitCount = 0;
        var position = 0;
        while (written < destination.Length)
        {
            // Refill the bit buffer, MSB first.
            while (bitCount < codeLength && position < source.Length)
            {
                bits = (bits << 8) | source[position++];
                bitCount += 8;
            }

            if (bitCount < codeLength)
            {
                break;
            }

            var code = (int)((bits >> (bitCount - codeLength)) & ((1u << codeLength) - 1));
            bitCount -= codeLength;
            if (code == EndCode)
            {
                break;
            }

            if (code == ClearCode)
            {
                nextCode = FirstFreeCode;
                codeLength = 9;
                previousStart = -1;
                continue;
            }

            var start = written;
            int length;
            var room = destination.Length - written;
            if (code < ClearCode)
            {
                destination[written] = (byte)code;
                length = 1;
            }
            else if (previousStart < 0)
            {
                throw new InvalidDataException($"LZW code {code} follows a Clear code; only a literal byte may");
            }
            else if (code < nextCode)
            {
                length = lengths[code];
                var from = offsets[code];
                if (length <= 8 && room >= 8)
                {
                    // Most strings are short: one unaligned 8-byte move beats a memmove call. The bytes past the
                    // string are overwritten by later codes; the source ends before 'written', so it is read intact.
                    ref var origin = ref MemoryMarshal.GetReference(destination);
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref origin, written), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref origin, from)));
                }
                else
                {
                    destination.Slice(from, Math.Min(length, room)).CopyTo(destination[written..]);
                }
            }
            else if (code == nextCode)
            {
                // KwKwK: the new string is the previous one plus its own first byte.
                length = previousLength + 1;
                destination.Slice(previousStart, Math.Min(previousLength, room)).CopyTo(destination[written..]);
                if (previousLength < room)
                {
                    destination[written + previousLength] = destination[previousStart];
                }
            }
            else
            {
                throw new InvalidDataException($"LZW code {code} refers to an entry that does not exist yet (next free is {nextCode})");
            }

            if (previousStart >= 0)
            {
                // New entry = previous string + first byte of this one; in the output that is the previous string's
                // emission extended by one byte.
                if (nextCode >= TableSize)
                {
                    throw new InvalidDataException("LZW code table overflow (more than 4096 entries without a Clear code)");
                }

                offsets[nextCode] = previousStart;
                lengths[nextCode] = previousLength + 1;
                nextCode++;
                if (nextCode >= (1 << codeLength) - 1 && codeLength < 12)
                {
                    codeLength++;
                }
            }

            written += Math.Min(length, room);
            previousStart = start;
            previousLength = length;
        }

        return written;
    }
}
