using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SemRestore.Imaging.Io;

/// <summary>
/// Netpbm PGM reader (P5 binary and P2 plain, maxval 1 to 65535, 16-bit samples big-endian as Netpbm defines)
/// and writer (P5, maxval 255 or 65535). Samples are normalised by maxval; the bit depth is 8 when maxval is
/// below 256, else 16. Comments (#) are allowed wherever the header allows whitespace.
/// </summary>
public static class PgmCodec
{
    /// <summary>Reads a P2 or P5 file; samples are divided by maxval.</summary>
    /// <exception cref="ImageFormatException">Wrong magic, malformed header, samples above maxval, truncated data, over the pixel limit.</exception>
    public static GrayImage Read(Stream stream, string? path, ImageReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reader = new NetpbmHeaderReader(stream, path);
        var (plain, width, height, maxValue) = ReadHeader(reader, path);
        IoGuards.CheckPixelCount(path, width, height, options);
        var pixels = (long)width * height;

        var image = new GrayImage(width, height, maxValue < 256 ? 8 : 16);
        var scale = 1f / maxValue;
        var pixelsOut = image.Pixels;
        if (plain)
        {
            for (long i = 0; i < pixels; i++)
            {
                var value = reader.ReadInteger("sample");
                if (value > maxValue)
                {
                    throw new ImageFormatException(path, $"sample {i} is {value}, above maxval {maxValue}");
                }

                pixelsOut[i] = value * scale;
            }

            return image;
        }

        var bytesPerSample = maxValue < 256 ? 1 : 2;
        var rowBytes = width * bytesPerSample;
        var row = new byte[rowBytes];
        for (var y = 0; y < height; y++)
        {
            if (stream.ReadAtLeast(row, rowBytes, throwOnEndOfStream: false) < rowBytes)
            {
                throw new ImageFormatException(path, $"the file ends in row {y} of {height} (truncated)");
            }

            var target = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                int value = bytesPerSample == 1 ? row[x] : BinaryPrimitives.ReadUInt16BigEndian(row.AsSpan(2 * x));
                if (value > maxValue)
                {
                    throw new ImageFormatException(path, $"pixel ({x}, {y}) is {value}, above maxval {maxValue}");
                }

                target[x] = value * scale;
            }
        }

        return image;
    }

    /// <summary>Describes the file from its header (metadata "pgm.variant", "pgm.maxval").</summary>
    public static ImageInfo Probe(Stream stream, string? path)
    {
        var (plain, width, height, maxValue) = ReadHeader(new NetpbmHeaderReader(stream, path), path);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pgm.variant"] = plain ? "P2 (plain text)" : "P5 (binary)",
            ["pgm.maxval"] = maxValue.ToString(CultureInfo.InvariantCulture),
        };
        return new ImageInfo(ImageFileFormat.Pgm, width, height, maxValue < 256 ? 8 : 16, "uint", 1, "none", "gray", metadata);
    }

    /// <summary>Writes binary P5 with maxval 255 (8-bit) or 65535 (16-bit, the default for 32-bit images).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An explicit depth other than 8 or 16.</exception>
    public static void Write(Stream stream, GrayImage image, ImageWriteOptions options, string? path)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        var depth = IoGuards.IntegerDepth(options, image, "PGM");

        stream.Write(Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n{(depth == 8 ? 255 : 65535)}\n"));
        var row = new byte[image.Width * (depth / 8)];
        for (var y = 0; y < image.Height; y++)
        {
            if (depth == 8)
            {
                PixelConversion.ToUInt8(image.Row(y), row);
            }
            else
            {
                PixelConversion.ToUInt16BigEndian(image.Row(y), row);
            }

            stream.Write(row);
        }
    }

    private static (bool Plain, int Width, int Height, int MaxValue) ReadHeader(NetpbmHeaderReader reader, string? path)
    {
        var magic = reader.ReadMagic();
        if (magic is not ("P2" or "P5"))
        {
            throw new ImageFormatException(path, $"not a PGM file (magic '{magic}', expected P2 or P5)");
        }

        var width = reader.ReadInteger("width");
        var height = reader.ReadInteger("height");
        var maxValue = reader.ReadInteger("maxval");
        if (width <= 0 || height <= 0)
        {
            throw new ImageFormatException(path, $"image size {width}x{height} is invalid");
        }

        if (maxValue is < 1 or > 65535)
        {
            throw new ImageFormatException(path, $"maxval {maxValue} is outside 1 to 65535");
        }

        return (magic == "P2", width, height, maxValue);
    }
}
