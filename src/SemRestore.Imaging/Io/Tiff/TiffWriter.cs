using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using SemRestore.Imaging.Io.Codecs;

namespace SemRestore.Imaging.Io.Tiff;

/// <summary>
/// Writes classic little-endian TIFF: one page per frame, gray, 8/16-bit unsigned or 32-bit float, strips of
/// about 64 KB, compression none, LZW or Deflate (integer samples get the horizontal predictor 2 and floats the
/// floating-point predictor 3 when compressed). Text metadata tags are written back. Strips encode in parallel.
/// </summary>
internal static class TiffWriter
{
    private const int TargetStripBytes = 1 << 16;

    public static void Write(Stream stream, IReadOnlyList<GrayImage> frames, ImageWriteOptions options, string? path)
    {
        if (!stream.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer, frames, options, path);
            buffer.Position = 0;
            buffer.CopyTo(stream);
            return;
        }

        var origin = stream.Position;
        Span<byte> header = [(byte)'I', (byte)'I', 42, 0, 0, 0, 0, 0];
        stream.Write(header);
        var pointerPosition = origin + 4;
        for (var index = 0; index < frames.Count; index++)
        {
            var frame = frames[index];
            var depth = options.BitDepth ?? frame.BitDepth;
            if (depth is not (8 or 16 or 32))
            {
                throw new ArgumentOutOfRangeException(nameof(options), $"TIFF bit depth must be 8, 16 or 32, got {depth}.");
            }

            var strips = EncodeStrips(frame, depth, options.Compression, out var rowsPerStrip);
            var stripOffsets = new long[strips.Length];
            for (var s = 0; s < strips.Length; s++)
            {
                stripOffsets[s] = stream.Position - origin;
                stream.Write(strips[s]);
            }

            if (((stream.Position - origin) & 1) != 0)
            {
                stream.WriteByte(0);
            }

            var ifdOffset = stream.Position - origin;
            var directory = BuildDirectory(frame, depth, options.Compression, rowsPerStrip, stripOffsets, strips);
            var bytes = SerializeDirectory(directory, ifdOffset, path);
            stream.Write(bytes);
            PatchPointer(stream, pointerPosition, ifdOffset, path);
            pointerPosition = origin + ifdOffset + 2 + (directory.Count * 12);
        }
    }

    private static void PatchPointer(Stream stream, long position, long value, string? path)
    {
        if (value > uint.MaxValue)
        {
            throw new ImageFormatException(path, "the stack exceeds 4 GB, the limit of classic TIFF (BigTIFF writing is not supported)");
        }

        var end = stream.Position;
        Span<byte> pointer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(pointer, (uint)value);
        stream.Position = position;
        stream.Write(pointer);
        stream.Position = end;
    }

    private static byte[][] EncodeStrips(GrayImage frame, int depth, TiffCompression compression, out int rowsPerStrip)
    {
        var bytesPerSample = depth / 8;
        var rowBytes = frame.Width * bytesPerSample;
        rowsPerStrip = Math.Clamp(TargetStripBytes / rowBytes, 1, frame.Height);
        var rps = rowsPerStrip;
        var count = (frame.Height + rps - 1) / rps;
        var strips = new byte[count][];
        Parallel.For(0, count, () => compression == TiffCompression.Lzw ? new LzwEncoder() : null, (s, _, encoder) =>
        {
            var y0 = s * rps;
            var rows = Math.Min(rps, frame.Height - y0);
            var raw = new byte[rows * rowBytes];
            for (var r = 0; r < rows; r++)
            {
                var row = raw.AsSpan(r * rowBytes, rowBytes);
                var pixels = frame.Row(y0 + r);
                switch (depth)
                {
                    case 8:
                        PixelConversion.ToUInt8(pixels, row);
                        if (compression != TiffCompression.None)
                        {
                            for (var i = row.Length - 1; i > 0; i--)
                            {
                                row[i] -= row[i - 1];
                            }
                        }

                        break;
                    case 16:
                        var words = MemoryMarshal.Cast<byte, ushort>(row);
                        PixelConversion.ToUInt16(pixels, words);
                        if (compression != TiffCompression.None)
                        {
                            for (var i = words.Length - 1; i > 0; i--)
                            {
                                words[i] -= words[i - 1];
                            }
                        }

                        if (!BitConverter.IsLittleEndian)
                        {
                            BinaryPrimitives.ReverseEndianness(words, words);
                        }

                        break;
                    default:
                        if (compression == TiffCompression.None)
                        {
                            MemoryMarshal.AsBytes(pixels).CopyTo(row);
                            if (!BitConverter.IsLittleEndian)
                            {
                                var values = MemoryMarshal.Cast<byte, uint>(row);
                                BinaryPrimitives.ReverseEndianness(values, values);
                            }
                        }
                        else
                        {
                            ApplyFloatPredictor(pixels, row);
                        }

                        break;
                }
            }

            strips[s] = compression switch
            {
                TiffCompression.Lzw => encoder!.Encode(raw),
                TiffCompression.Deflate => ZlibBlock.Deflate(raw, CompressionLevel.Fastest),
                _ => raw,
            };
            return encoder;
        }, _ => { });
        return strips;
    }

    /// <summary>Floating-point predictor (Adobe Technote 3): split each float into byte planes, most significant first, then difference the bytes.</summary>
    private static void ApplyFloatPredictor(ReadOnlySpan<float> pixels, Span<byte> row)
    {
        var samples = pixels.Length;
        for (var s = 0; s < samples; s++)
        {
            var bits = BitConverter.SingleToUInt32Bits(pixels[s]);
            row[s] = (byte)(bits >> 24);
            row[samples + s] = (byte)(bits >> 16);
            row[(2 * samples) + s] = (byte)(bits >> 8);
            row[(3 * samples) + s] = (byte)bits;
        }

        for (var i = row.Length - 1; i > 0; i--)
        {
            row[i] -= row[i - 1];
        }
    }

    private static List<(ushort Tag, ushort Type, uint Count, byte[] Value)> BuildDirectory(
        GrayImage frame, int depth, TiffCompression compression, int rowsPerStrip, long[] stripOffsets, byte[][] strips)
    {
        var entries = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>
        {
            (TiffTags.ImageWidth, 4, 1, Longs([frame.Width])),
            (TiffTags.ImageLength, 4, 1, Longs([frame.Height])),
            (TiffTags.BitsPerSample, 3, 1, Shorts([depth])),
            (TiffTags.Compression, 3, 1, Shorts([compression switch { TiffCompression.Lzw => TiffTags.CompressionLzw, TiffCompression.Deflate => TiffTags.CompressionDeflate, _ => TiffTags.CompressionNone }])),
            (TiffTags.Photometric, 3, 1, Shorts([1])),
            (TiffTags.SamplesPerPixel, 3, 1, Shorts([1])),
            (TiffTags.RowsPerStrip, 4, 1, Longs([rowsPerStrip])),
            (TiffTags.PlanarConfiguration, 3, 1, Shorts([1])),
            (TiffTags.SampleFormat, 3, 1, Shorts([depth == 32 ? 3 : 1])),
        };
        var offsets = new long[stripOffsets.Length];
        var counts = new long[strips.Length];
        for (var s = 0; s < strips.Length; s++)
        {
            if (stripOffsets[s] > uint.MaxValue)
            {
                throw new InvalidOperationException("strip offset beyond 4 GB");
            }

            offsets[s] = stripOffsets[s];
            counts[s] = strips[s].Length;
        }

        entries.Add((TiffTags.StripOffsets, 4, (uint)offsets.Length, Longs(offsets)));
        entries.Add((TiffTags.StripByteCounts, 4, (uint)counts.Length, Longs(counts)));
        if (compression != TiffCompression.None)
        {
            entries.Add((TiffTags.Predictor, 3, 1, Shorts([depth == 32 ? 3 : 2])));
        }

        // Software names the program that wrote this file, so it is always SemRestore; the other text tags are copied.
        entries.Add((TiffTags.Software, 2, 0, Ascii("SemRestore")));
        foreach (var (tag, key) in TiffTags.TextTags)
        {
            if (tag != TiffTags.Software && frame.Metadata.TryGetValue(key, out var text))
            {
                entries.Add((tag, 2, 0, Ascii(text)));
            }
        }

        entries.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Type == 2)
            {
                entries[i] = entries[i] with { Count = (uint)entries[i].Value.Length };
            }
        }

        return entries;
    }

    private static byte[] SerializeDirectory(List<(ushort Tag, ushort Type, uint Count, byte[] Value)> entries, long ifdOffset, string? path)
    {
        var fixedSize = 2 + (entries.Count * 12) + 4;
        var extra = 0;
        foreach (var entry in entries)
        {
            if (entry.Value.Length > 4)
            {
                extra += (entry.Value.Length + 1) & ~1;
            }
        }

        if (ifdOffset + fixedSize + extra > uint.MaxValue)
        {
            throw new ImageFormatException(path, "the stack exceeds 4 GB, the limit of classic TIFF (BigTIFF writing is not supported)");
        }

        var bytes = new byte[fixedSize + extra];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)entries.Count);
        var valuePosition = fixedSize;
        for (var i = 0; i < entries.Count; i++)
        {
            var (tag, type, count, value) = entries[i];
            var at = bytes.AsSpan(2 + (i * 12), 12);
            BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
            if (value.Length <= 4)
            {
                value.CopyTo(at[8..]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at[8..], (uint)(ifdOffset + valuePosition));
                value.CopyTo(bytes.AsSpan(valuePosition));
                valuePosition += (value.Length + 1) & ~1;
            }
        }

        return bytes;
    }

    private static byte[] Longs(ReadOnlySpan<long> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), (uint)values[i]);
        }

        return bytes;
    }

    private static byte[] Shorts(ReadOnlySpan<int> values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)values[i]);
        }

        return bytes;
    }

    private static byte[] Ascii(string text)
    {
        // TIFF ASCII ends in NUL; UTF-8 keeps non-ASCII descriptions (for example "µm") readable by modern tools.
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
