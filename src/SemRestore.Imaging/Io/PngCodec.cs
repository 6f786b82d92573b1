using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SemRestore.Imaging.Io.Codecs;

namespace SemRestore.Imaging.Io;

/// <summary>
/// PNG reader and writer. Reads gray 1/2/4/8/16-bit, gray+alpha, RGB/RGBA 8/16-bit and palette images, Adam7
/// interlaced or not, with every chunk's CRC checked and IDAT data split over any number of chunks. Colour
/// becomes ITU-R BT.601 luma and alpha is dropped, with a "warning" metadata entry; tEXt chunks become
/// metadata "png.KEYWORD". Writes gray 8 or 16-bit with the Paeth filter and fast zlib.
/// </summary>
public static class PngCodec
{
    private static readonly byte[] s_signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Largest chunk accepted (the PNG limit is 2^31 - 1; anything near it in our files is corruption).</summary>
    private const int MaxChunkLength = 1 << 30;

    /// <summary>Reads the image; colour is converted to gray.</summary>
    /// <exception cref="ImageFormatException">Bad signature, bad CRC, corrupt zlib data, unsupported layout, over the pixel limit.</exception>
    public static GrayImage Read(Stream stream, string? path, ImageReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var png = Parse(stream, path, headerOnly: false);
        var header = png.Header;
        IoGuards.CheckPixelCount(path, header.Width, header.Height, options);

        if (header.ColorType == 3 && png.Palette is null)
        {
            throw new ImageFormatException(path, "palette image without a PLTE chunk");
        }

        var expected = header.DecodedLength();
        if (expected > Array.MaxLength)
        {
            throw new ImageFormatException(path, $"{header.Width}x{header.Height} decodes to {expected} bytes, more than one buffer can hold");
        }

        var raw = new byte[expected];
        int produced;
        try
        {
            produced = ZlibBlock.Inflate(png.Data.GetBuffer().AsSpan(0, (int)png.Data.Length), raw);
        }
        catch (InvalidDataException e)
        {
            throw new ImageFormatException(path, $"corrupt zlib data in IDAT ({e.Message})", e);
        }

        if (produced < expected)
        {
            throw new ImageFormatException(path, $"IDAT data decodes to {produced} bytes, expected {expected} (truncated or corrupt)");
        }

        var image = new GrayImage(header.Width, header.Height, header.BitDepth == 16 ? 16 : 8);
        var luma = header.ColorType == 3 ? PaletteLuma(png.Palette!) : null;
        if (header.Interlace == 0)
        {
            Unfilter(raw, 0, header.Width, header.Height, header, path);
            ConvertPass(raw, 0, header, image, luma, 0, 0, 1, 1, header.Width, header.Height);
        }
        else
        {
            var offset = 0;
            foreach (var (x0, y0, dx, dy) in Adam7)
            {
                var (w, h) = PassSize(header, x0, y0, dx, dy);
                if (w == 0 || h == 0)
                {
                    continue;
                }

                Unfilter(raw, offset, w, h, header, path);
                ConvertPass(raw, offset, header, image, luma, x0, y0, dx, dy, w, h);
                offset += h * (1 + header.RowBytes(w));
            }
        }

        foreach (var pair in png.Text)
        {
            image.Metadata[pair.Key] = pair.Value;
        }

        var warning = header.ColorType switch
        {
            2 or 6 => "converted RGB to gray with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)" + (header.ColorType == 6 ? "; alpha dropped" : string.Empty),
            3 => "converted palette colours to gray with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)",
            4 => "alpha channel dropped",
            _ => null,
        };
        if (warning is not null)
        {
            image.Metadata["warning"] = warning;
        }

        return image;
    }

    /// <summary>Reads the header chunks only (the IDAT data is still CRC-checked while skipping).</summary>
    public static ImageInfo Probe(Stream stream, string? path)
    {
        var png = Parse(stream, path, headerOnly: true);
        var header = png.Header;
        var metadata = new Dictionary<string, string>(png.Text, StringComparer.Ordinal)
        {
            ["png.interlace"] = header.Interlace == 1 ? "Adam7" : "none",
            ["png.bit-depth"] = header.BitDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var colorModel = header.ColorType switch { 0 => "gray", 2 => "rgb", 3 => "palette", 4 => "gray+alpha", _ => "rgba" };
        return new ImageInfo(ImageFileFormat.Png, header.Width, header.Height, header.BitDepth, "uint", 1, "deflate", colorModel, metadata);
    }

    /// <summary>Writes a gray PNG of 8 or 16 bits (a 32-bit image without an explicit depth is written as 16-bit).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An explicit depth other than 8 or 16.</exception>
    public static void Write(Stream stream, GrayImage image, ImageWriteOptions options, string? path)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        var depth = IoGuards.IntegerDepth(options, image, "PNG");

        var bytesPerPixel = depth / 8;
        var rowBytes = image.Width * bytesPerPixel;
        var filtered = new byte[(long)image.Height * (rowBytes + 1)];

        // Each row needs only its raw predecessor, so rows quantise and filter in parallel.
        Parallel.For(0, image.Height, () => (new byte[rowBytes], new byte[rowBytes]), (y, _, scratch) =>
        {
            var (current, previous) = scratch;
            Quantise(image.Row(y), current, depth);
            if (y > 0)
            {
                Quantise(image.Row(y - 1), previous, depth);
            }
            else
            {
                Array.Clear(previous);
            }

            var line = filtered.AsSpan((int)(y * (long)(rowBytes + 1)), rowBytes + 1);
            line[0] = 4;
            PngFilters.Paeth(current, previous, line[1..], bytesPerPixel);
            return scratch;
        }, _ => { });

        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), image.Height);
        ihdr[8] = (byte)depth;
        stream.Write(s_signature);
        WriteChunk(stream, "IHDR", ihdr);
        if (image.Metadata.TryGetValue("tiff.ImageDescription", out var description) && description.Length < 1 << 20)
        {
            WriteChunk(stream, "tEXt", Encoding.Latin1.GetBytes("Description\0" + description));
        }

        WriteChunk(stream, "IDAT", ZlibBlock.Deflate(filtered, CompressionLevel.Fastest));
        WriteChunk(stream, "IEND", []);
    }

    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    private static (int Width, int Height) PassSize(PngHeader header, int x0, int y0, int dx, int dy) =>
        ((header.Width - x0 + dx - 1) / dx, (header.Height - y0 + dy - 1) / dy);

    private static void Quantise(ReadOnlySpan<float> row, Span<byte> destination, int depth)
    {
        if (depth == 8)
        {
            PixelConversion.ToUInt8(row, destination);
        }
        else
        {
            PixelConversion.ToUInt16BigEndian(row, destination);
        }
    }

    private static void Unfilter(byte[] raw, int offset, int width, int height, PngHeader header, string? path)
    {
        var rowBytes = header.RowBytes(width);
        var bpp = header.FilterStride;
        for (var y = 0; y < height; y++)
        {
            var start = offset + (y * (rowBytes + 1));
            var previous = y > 0 ? raw.AsSpan(start - rowBytes, rowBytes) : Span<byte>.Empty;
            if (!PngFilters.Undo(raw[start], raw.AsSpan(start + 1, rowBytes), previous, bpp))
            {
                throw new ImageFormatException(path, $"row {y} uses filter type {raw[start]}; PNG defines 0 to 4");
            }
        }
    }

    private static void ConvertPass(byte[] raw, int offset, PngHeader header, GrayImage image, float[]? paletteLuma,
        int x0, int y0, int dx, int dy, int width, int height)
    {
        var rowBytes = header.RowBytes(width);
        var bits = header.BitDepth;
        var channels = header.Channels;
        var max = (float)((1 << bits) - 1);
        var scale = 1f / max;
        for (var y = 0; y < height; y++)
        {
            var line = raw.AsSpan(offset + (y * (rowBytes + 1)) + 1, rowBytes);
            var target = image.Row(y0 + (y * dy));
            if (dx == 1 && channels == 1 && paletteLuma is null && bits >= 8)
            {
                if (bits == 8)
                {
                    PixelConversion.FromUInt8(line, target);
                }
                else
                {
                    // Big-endian samples: swap in place (the row is not needed afterwards), then the vector conversion.
                    var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(line);
                    if (BitConverter.IsLittleEndian)
                    {
                        BinaryPrimitives.ReverseEndianness(words, words);
                    }

                    PixelConversion.FromUInt16(words[..width], target);
                }

                continue;
            }

            for (var x = 0; x < width; x++)
            {
                float value;
                if (bits < 8)
                {
                    var bitIndex = x * bits;
                    var code = (line[bitIndex >> 3] >> (8 - bits - (bitIndex & 7))) & ((1 << bits) - 1);
                    value = paletteLuma is not null ? paletteLuma[code] : code * scale;
                }
                else if (paletteLuma is not null)
                {
                    value = paletteLuma[line[x]];
                }
                else if (channels <= 2)
                {
                    value = Sample(line, x * channels, bits) * scale;
                }
                else
                {
                    var i = x * channels;
                    value = (0.299f * (Sample(line, i, bits) * scale)) + (0.587f * (Sample(line, i + 1, bits) * scale)) + (0.114f * (Sample(line, i + 2, bits) * scale));
                }

                target[x0 + (x * dx)] = value;
            }
        }
    }

    private static int Sample(ReadOnlySpan<byte> line, int index, int bits) =>
        bits == 16 ? BinaryPrimitives.ReadUInt16BigEndian(line[(2 * index)..]) : line[index];

    private static float[] PaletteLuma(byte[] palette)
    {
        // 256 entries whatever PLTE holds: an index past the palette reads as black (as libpng does) instead of failing.
        var luma = new float[256];
        for (var i = 0; i < palette.Length / 3; i++)
        {
            luma[i] = (0.299f * (palette[3 * i] * (1f / 255f))) + (0.587f * (palette[(3 * i) + 1] * (1f / 255f))) + (0.114f * (palette[(3 * i) + 2] * (1f / 255f)));
        }

        return luma;
    }

    private static void WriteChunk(Stream stream, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        Encoding.ASCII.GetBytes(type, head[4..]);
        stream.Write(head);
        stream.Write(data);
        var crc = Crc32.Update(0xFFFFFFFFu, head[4..]);
        crc = ~Crc32.Update(crc, data);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        stream.Write(tail);
    }

    private static ParsedPng Parse(Stream stream, string? path, bool headerOnly)
    {
        Span<byte> signature = stackalloc byte[8];
        if (stream.ReadAtLeast(signature, 8, throwOnEndOfStream: false) < 8 || !signature.SequenceEqual(s_signature))
        {
            throw new ImageFormatException(path, "not a PNG file (the 8-byte signature is wrong)");
        }

        PngHeader? header = null;
        byte[]? palette = null;
        var data = new MemoryStream();
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        Span<byte> head = stackalloc byte[8];
        Span<byte> crcBytes = stackalloc byte[4];
        var sawIdat = false;
        while (true)
        {
            if (stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8)
            {
                throw new ImageFormatException(path, "the file ends before the IEND chunk (truncated)");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(head);
            var type = Encoding.ASCII.GetString(head[4..]);
            if (length < 0 || length > MaxChunkLength)
            {
                throw new ImageFormatException(path, $"chunk '{Printable(type)}' claims {(uint)length} bytes; the file is corrupt");
            }

            if (stream.CanSeek && length > stream.Length - stream.Position)
            {
                throw new ImageFormatException(path, $"chunk '{Printable(type)}' claims {length} bytes but only {stream.Length - stream.Position} remain (truncated or corrupt)");
            }

            var body = new byte[length];
            if (stream.ReadAtLeast(body, length, throwOnEndOfStream: false) < length || stream.ReadAtLeast(crcBytes, 4, throwOnEndOfStream: false) < 4)
            {
                throw new ImageFormatException(path, $"chunk '{Printable(type)}' is cut off (truncated file)");
            }

            var crc = ~Crc32.Update(Crc32.Update(0xFFFFFFFFu, head[4..]), body);
            if (crc != BinaryPrimitives.ReadUInt32BigEndian(crcBytes))
            {
                throw new ImageFormatException(path, $"CRC mismatch in chunk '{Printable(type)}' (stored {BinaryPrimitives.ReadUInt32BigEndian(crcBytes):X8}, computed {crc:X8}); the file is corrupt");
            }

            if (header is null && type != "IHDR")
            {
                throw new ImageFormatException(path, $"the first chunk is '{Printable(type)}', expected IHDR");
            }

            switch (type)
            {
                case "IHDR":
                    header = PngHeader.Parse(body, path);
                    break;
                case "PLTE":
                    if (length % 3 != 0 || length == 0 || length > 768)
                    {
                        throw new ImageFormatException(path, $"PLTE chunk of {length} bytes (a multiple of 3, at most 768)");
                    }

                    palette = body;
                    break;
                case "IDAT":
                    sawIdat = true;
                    if (!headerOnly)
                    {
                        data.Write(body);
                    }

                    break;
                case "IEND":
                    if (!sawIdat)
                    {
                        throw new ImageFormatException(path, "no IDAT chunk: the file holds no pixels");
                    }

                    return new ParsedPng(header!, palette, data, text);
                case "tEXt":
                    var nul = Array.IndexOf(body, (byte)0);
                    if (nul > 0)
                    {
                        text["png." + Encoding.Latin1.GetString(body, 0, nul)] = Encoding.Latin1.GetString(body, nul + 1, body.Length - nul - 1);
                    }

                    break;
                default:
                    if (!char.IsAsciiLetter(type[0]) || char.IsAsciiLetterUpper(type[0]))
                    {
                        throw new ImageFormatException(path, $"unknown critical chunk '{Printable(type)}'");
                    }

                    break;
            }
        }
    }

    private static string Printable(string type)
    {
        var builder = new StringBuilder(type.Length);
        foreach (var c in type)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }

    private sealed record ParsedPng(PngHeader Header, byte[]? Palette, MemoryStream Data, Dictionary<string, string> Text);

    /// <summary>The IHDR fields with the combinations PNG allows.</summary>
    private sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType, int Interlace)
    {
        public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

        /// <summary>Bytes between a byte and the one it is filtered against: whole pixels, at least 1.</summary>
        public int FilterStride => Math.Max(1, Channels * BitDepth / 8);

        public int RowBytes(int width) => (int)((((long)width * Channels * BitDepth) + 7) / 8);

        public long DecodedLength()
        {
            if (Interlace == 0)
            {
                return (long)Height * (RowBytes(Width) + 1);
            }

            long total = 0;
            foreach (var (x0, y0, dx, dy) in Adam7)
            {
                var (w, h) = PassSize(this, x0, y0, dx, dy);
                if (w > 0 && h > 0)
                {
                    total += (long)h * (RowBytes(w) + 1);
                }
            }

            return total;
        }

        public static PngHeader Parse(byte[] body, string? path)
        {
            if (body.Length != 13)
            {
                throw new ImageFormatException(path, $"IHDR chunk has {body.Length} bytes, expected 13");
            }

            var width = BinaryPrimitives.ReadInt32BigEndian(body);
            var height = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(4));
            int bits = body[8];
            int colorType = body[9];
            if (width <= 0 || height <= 0)
            {
                throw new ImageFormatException(path, $"image size {width}x{height} is invalid");
            }

            var valid = colorType switch
            {
                0 => bits is 1 or 2 or 4 or 8 or 16,
                3 => bits is 1 or 2 or 4 or 8,
                2 or 4 or 6 => bits is 8 or 16,
                _ => false,
            };
            if (!valid)
            {
                throw new ImageFormatException(path, $"colour type {colorType} with bit depth {bits} is not a valid PNG combination");
            }

            if (body[10] != 0 || body[11] != 0 || body[12] > 1)
            {
                throw new ImageFormatException(path, $"unknown compression ({body[10]}), filter ({body[11]}) or interlace ({body[12]}) method");
            }

            return new PngHeader(width, height, bits, colorType, body[12]);
        }
    }
}
