using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SemRestore.Imaging.Io;

/// <summary>
/// Portable float map reader and writer, gray ("Pf") only. The header is "Pf", width, height and a scale whose
/// sign gives the byte order (negative: little-endian); rows are stored bottom to top. Values are kept as they
/// are (not normalised), bit depth 32. Colour "PF" files are read as BT.601 luma with a warning.
/// </summary>
public static class PfmCodec
{
    /// <summary>Reads a Pf (or PF, as luma) file; values are kept as stored.</summary>
    /// <exception cref="ImageFormatException">Wrong magic, malformed header, truncated data, over the pixel limit.</exception>
    public static GrayImage Read(Stream stream, string? path, ImageReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (channels, width, height, littleEndian) = ReadHeader(new NetpbmHeaderReader(stream, path), path);
        IoGuards.CheckPixelCount(path, width, height, options);
        var image = new GrayImage(width, height, 32);
        var rowBytes = (long)width * channels * 4;
        if (rowBytes > Array.MaxLength)
        {
            throw new ImageFormatException(path, $"a row of {width} pixels is too long");
        }

        var row = new byte[rowBytes];
        var values = MemoryMarshal.Cast<byte, float>(row.AsSpan());
        var swap = littleEndian != BitConverter.IsLittleEndian;
        for (var y = 0; y < height; y++)
        {
            if (stream.ReadAtLeast(row, row.Length, throwOnEndOfStream: false) < row.Length)
            {
                throw new ImageFormatException(path, $"the file ends after {y} of {height} rows (truncated)");
            }

            if (swap)
            {
                var words = MemoryMarshal.Cast<byte, uint>(row.AsSpan());
                BinaryPrimitives.ReverseEndianness(words, words);
            }

            // Bottom-to-top storage: the first stored row is the last image row.
            var target = image.Row(height - 1 - y);
            if (channels == 1)
            {
                values.CopyTo(target);
            }
            else
            {
                for (var x = 0; x < width; x++)
                {
                    target[x] = (0.299f * values[3 * x]) + (0.587f * values[(3 * x) + 1]) + (0.114f * values[(3 * x) + 2]);
                }
            }
        }

        if (channels == 3)
        {
            image.Metadata["warning"] = "converted RGB to gray with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)";
        }

        return image;
    }

    /// <summary>Describes the file from its header (metadata "pfm.byte-order").</summary>
    public static ImageInfo Probe(Stream stream, string? path)
    {
        var (channels, width, height, littleEndian) = ReadHeader(new NetpbmHeaderReader(stream, path), path);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["pfm.byte-order"] = littleEndian ? "little-endian" : "big-endian" };
        return new ImageInfo(ImageFileFormat.Pfm, width, height, 32, "float", 1, "none", channels == 1 ? "gray" : "rgb", metadata);
    }

    /// <summary>Writes "Pf" little-endian (scale -1), rows bottom to top, values as they are.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An explicit depth other than 32.</exception>
    public static void Write(Stream stream, GrayImage image, ImageWriteOptions options, string? path)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BitDepth is { } depth && depth != 32)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"PFM stores 32-bit float, got depth {depth}; use .tif, .png or .pgm for integers.");
        }

        stream.Write(Encoding.ASCII.GetBytes($"Pf\n{image.Width} {image.Height}\n-1.0\n"));
        var row = new byte[image.Width * 4];
        for (var y = image.Height - 1; y >= 0; y--)
        {
            MemoryMarshal.AsBytes(image.Row(y)).CopyTo(row);
            if (!BitConverter.IsLittleEndian)
            {
                var words = MemoryMarshal.Cast<byte, uint>(row.AsSpan());
                BinaryPrimitives.ReverseEndianness(words, words);
            }

            stream.Write(row);
        }
    }

    private static (int Channels, int Width, int Height, bool LittleEndian) ReadHeader(NetpbmHeaderReader reader, string? path)
    {
        var magic = reader.ReadMagic();
        var channels = magic switch
        {
            "Pf" => 1,
            "PF" => 3,
            _ => throw new ImageFormatException(path, $"not a PFM file (magic '{magic}', expected Pf or PF)"),
        };
        var width = reader.ReadInteger("width");
        var height = reader.ReadInteger("height");
        var scaleText = reader.ReadToken("scale");
        if (!double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale == 0 || !double.IsFinite(scale))
        {
            throw new ImageFormatException(path, $"scale '{scaleText}' is not a non-zero number");
        }

        if (width <= 0 || height <= 0)
        {
            throw new ImageFormatException(path, $"image size {width}x{height} is invalid");
        }

        return (channels, width, height, scale < 0);
    }
}
