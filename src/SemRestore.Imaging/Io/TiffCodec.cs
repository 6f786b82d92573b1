using SemRestore.Imaging.Io.Tiff;

namespace SemRestore.Imaging.Io;

/// <summary>
/// TIFF and BigTIFF reader, TIFF writer. Reads 8/16-bit unsigned and 32-bit float samples, little and big
/// endian, strips and tiles, compression none/LZW/Deflate (8 and 32946)/PackBits, predictors 2 and 3, chunky and
/// planar layouts, gray/RGB/RGBA/palette (colour becomes ITU-R BT.601 luma, with a "warning" metadata entry),
/// MinIsWhite (inverted) and multi-page files. Text tags (ImageDescription, Software, DateTime and the SEM vendor
/// tags 34118, 34680, 34682) become metadata keys "tiff.ImageDescription", "tiff.34682", ... and are written back
/// (except Software, which the writer always sets to "SemRestore").
/// </summary>
public static class TiffCodec
{
    /// <summary>Reads up to <paramref name="maxPages"/> pages (all when null).</summary>
    /// <exception cref="ImageFormatException">Corrupt, truncated, unsupported or over the pixel limit; the message names the file.</exception>
    public static IReadOnlyList<GrayImage> Read(Stream stream, string? path, ImageReadOptions options, int? maxPages)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = TiffFile.Open(stream, path, maxPages);
        var frames = new List<GrayImage>(file.Pages.Count);
        long total = 0;
        foreach (var page in file.Pages)
        {
            // The stack as a whole obeys the pixel limit too, so a chain of many large pages cannot exhaust memory.
            total += (long)page.Width * page.Height;
            if (page.Index > 0 && total > options.MaxPixels)
            {
                throw file.Source.Fail($"the pages up to page {page.Index} hold {total} pixels, over the limit of {options.MaxPixels}");
            }

            frames.Add(TiffPageDecoder.Decode(file.Source, page, options));
        }

        return frames;
    }

    /// <summary>Describes the file from its directories without decoding pixels.</summary>
    /// <remarks>Metadata holds the text tags plus "tiff.byte-order", "tiff.variant", "tiff.layout", "tiff.predictor", "tiff.planar".</remarks>
    public static ImageInfo Probe(Stream stream, string? path)
    {
        var file = TiffFile.Open(stream, path, maxPages: null);
        var page = file.Pages[0];
        var metadata = new Dictionary<string, string>(page.Text, StringComparer.Ordinal)
        {
            ["tiff.byte-order"] = file.Source.BigEndian ? "big-endian (MM)" : "little-endian (II)",
            ["tiff.variant"] = file.BigTiff ? "BigTIFF" : "classic",
            ["tiff.layout"] = page.Tiled
                ? $"tiles {page.ChunkWidth}x{page.ChunkHeight} ({page.ChunksPerPlane} per plane)"
                : $"strips of {page.ChunkHeight} rows ({page.ChunksPerPlane} per plane)",
            ["tiff.predictor"] = page.Predictor switch { 1 => "none", 2 => "horizontal (2)", 3 => "floating point (3)", _ => $"code {page.Predictor}" },
            ["tiff.planar"] = page.Planar == 1 ? "chunky (1)" : "planar (2)",
            ["tiff.samples-per-pixel"] = page.SamplesPerPixel.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (page.Photometric == 0)
        {
            metadata["tiff.photometric"] = "min-is-white";
        }

        var compression = TiffTags.CompressionName(page.Compression);
        var compressionText = TiffTags.IsSupportedCompression(page.Compression)
            ? compression.ToLowerInvariant()
            : $"{compression} ({page.Compression}, not supported)";
        return new ImageInfo(ImageFileFormat.Tiff, page.Width, page.Height, page.BitsPerSample, page.SampleFormatName,
            file.Pages.Count, compressionText, page.ColorModel, metadata);
    }

    /// <summary>Writes every frame as one page of a little-endian classic TIFF.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bit depth other than 8, 16 or 32.</exception>
    /// <exception cref="ImageFormatException">The result would exceed 4 GB.</exception>
    public static void Write(Stream stream, IReadOnlyList<GrayImage> frames, ImageWriteOptions options, string? path)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        TiffWriter.Write(stream, frames, options, path);
    }
}
