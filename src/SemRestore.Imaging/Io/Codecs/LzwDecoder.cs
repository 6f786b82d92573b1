using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace SemRestore.Imaging.Io.Codecs;

/// <summary>
/// TIFF LZW decoder (MSB-first codes of 9 to 12 bits, Clear = 256, EOI = 257, "early change" as libtiff
/// writes it). Every table entry is a copy of an earlier stretch of the output, so an entry is stored as
/// (offset, length) into the output and emitting a code is one block copy instead of a prefix-chain walk.
/// </summary>
internal static unsafe class LzwDecoder
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

        var offsets = stackalloc int[TableSize];
        var lengths = stackalloc int[TableSize];
        var sourceLength = source.Length;
        var capacity = destination.Length;
        var written = 0;
        var nextCode = FirstFreeCode;
        var codeLength = 9;
        var previousStart = -1;
        var previousLength = 0;
        ulong bits = 0;
        var bitCount = 0;
        var position = 0;
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            while (written < capacity)
            {
                if (bitCount < codeLength)
                {
                    // Refill MSB first: four bytes at once while they last, then byte by byte at the end of the input.
                    if (position + 4 <= sourceLength)
                    {
                        bits = (bits << 32) | BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(input + position));
                        position += 4;
                        bitCount += 32;
                    }
                    else
                    {
                        while (bitCount < codeLength && position < sourceLength)
                        {
                            bits = (bits << 8) | input[position++];
                            bitCount += 8;
                        }

                        if (bitCount < codeLength)
                        {
                            break;
                        }
                    }
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
                var room = capacity - written;
                if (code < ClearCode)
                {
                    output[written] = (byte)code;
                    length = 1;
                }
                else if (previousStart < 0)
                {
                    throw new InvalidDataException($"LZW code {code} follows a Clear code; only a literal byte may");
                }
                else if (code < nextCode)
                {
                    length = lengths[code];
                    Copy(output + offsets[code], output + written, length, room);
                }
                else if (code == nextCode)
                {
                    // KwKwK: the new string is the previous one plus its own first byte.
                    length = previousLength + 1;
                    Copy(output + previousStart, output + written, previousLength, room);
                    if (previousLength < room)
                    {
                        output[written + previousLength] = output[previousStart];
                    }
                }
                else
                {
                    throw new InvalidDataException($"LZW code {code} refers to an entry that does not exist yet (next free is {nextCode})");
                }

                if (previousStart >= 0)
                {
                    // New entry = previous string + first byte of this one; in the output that is the previous
                    // string's emission extended by one byte.
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
        }

        return written;
    }

    /// <summary>Copies min(length, room) bytes from an earlier part of the output; the source always ends before the target starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(byte* from, byte* to, int length, int room)
    {
        // Most strings are short: 8 or 16-byte moves beat a memmove call. Bytes past the string are scratch that
        // later codes overwrite; they stay inside the buffer because room >= the move size.
        if (length <= 8 && room >= 8)
        {
            Unsafe.WriteUnaligned(to, Unsafe.ReadUnaligned<ulong>(from));
        }
        else if (length <= 16 && room >= 16)
        {
            Unsafe.WriteUnaligned(to, Unsafe.ReadUnaligned<ulong>(from));
            Unsafe.WriteUnaligned(to + 8, Unsafe.ReadUnaligned<ulong>(from + 8));
        }
        else
        {
            var count = Math.Min(length, room);
            Buffer.MemoryCopy(from, to, count, count);
        }
    }
}
