namespace SemRestore.Imaging.Io.Tiff;

/// <summary>
/// The layout of one TIFF page as the decoder needs it: size, samples, compression, predictor and the chunks
/// (strips or tiles) with their file offsets. Built from a <see cref="TiffDirectory"/> with every field validated.
/// </summary>
internal sealed class TiffPage
{
    public required int Index { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required int BitsPerSample { get; init; }

    public required int SamplesPerPixel { get; init; }

    /// <summary>1 unsigned integer, 2 signed integer, 3 IEEE float (TIFF SampleFormat).</summary>
    public required int SampleFormat { get; init; }

    public required long Compression { get; init; }

    public required int Photometric { get; init; }

    public required int Predictor { get; init; }

    /// <summary>1 chunky (samples interleaved), 2 planar (one plane per sample).</summary>
    public required int Planar { get; init; }

    public required bool Tiled { get; init; }

    /// <summary>Chunk width: the image width for strips, the tile width for tiles.</summary>
    public required int ChunkWidth { get; init; }

    /// <summary>Chunk height: rows per strip, or the tile length.</summary>
    public required int ChunkHeight { get; init; }

    public required long[] ChunkOffsets { get; init; }

    public required long[] ChunkByteCounts { get; init; }

    public required ushort[]? ColorMap { get; init; }

    public required Dictionary<string, string> Text { get; init; }

    public int BytesPerSample => BitsPerSample / 8;

    public int ChunksAcross => (int)(((long)Width + ChunkWidth - 1) / ChunkWidth);

    public int ChunksDown => (int)(((long)Height + ChunkHeight - 1) / ChunkHeight);

    public int ChunksPerPlane => ChunksAcross * ChunksDown;

    /// <summary>"uint", "int" or "float".</summary>
    public string SampleFormatName => SampleFormat switch { 3 => "float", 2 => "int", _ => "uint" };

    /// <summary>"gray", "gray+alpha", "rgb", "rgba", "palette" and the photometric code for others.</summary>
    public string ColorModel => Photometric switch
    {
        0 or 1 => SamplesPerPixel > 1 ? "gray+alpha" : "gray",
        2 => SamplesPerPixel > 3 ? "rgba" : "rgb",
        3 => "palette",
        5 => "cmyk",
        6 => "ycbcr",
        8 => "cielab",
        _ => $"photometric {Photometric}",
    };

    /// <summary>Reads and validates the layout fields of <paramref name="directory"/>. Does not check whether the pixels can be decoded.</summary>
    public static TiffPage FromDirectory(TiffDirectory directory, TiffSource source, int index)
    {
        var width = directory.GetInteger(TiffTags.ImageWidth, 0);
        var height = directory.GetInteger(TiffTags.ImageLength, 0);
        if (width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw source.Fail($"page {index}: image size {width}x{height} is invalid or missing");
        }

        var samples = directory.GetInteger(TiffTags.SamplesPerPixel, 1);
        if (samples is < 1 or > 16)
        {
            throw source.Fail($"page {index}: {samples} samples per pixel is not supported (1 to 16)");
        }

        var bits = directory.GetIntegers(TiffTags.BitsPerSample);
        var bitsPerSample = bits.Length == 0 ? 1 : bits[0];
        foreach (var b in bits)
        {
            if (b != bitsPerSample)
            {
                throw source.Fail($"page {index}: samples of different bit depths ({string.Join(", ", bits)}) are not supported");
            }
        }

        if (bitsPerSample is < 1 or > 64)
        {
            throw source.Fail($"page {index}: {bitsPerSample} bits per sample is invalid");
        }

        var formats = directory.GetIntegers(TiffTags.SampleFormat);
        var sampleFormat = formats.Length == 0 ? 1 : formats[0];
        var photometric = directory.GetInteger(TiffTags.Photometric, samples >= 3 ? 2 : 1);
        var planar = directory.GetInteger(TiffTags.PlanarConfiguration, 1);
        if (planar is not (1 or 2))
        {
            throw source.Fail($"page {index}: planar configuration {planar} is invalid (1 or 2)");
        }

        if (samples == 1)
        {
            planar = 1;
        }

        var tiled = directory.Has(TiffTags.TileWidth) || directory.Has(TiffTags.TileOffsets);
        long chunkWidth;
        long chunkHeight;
        long[] offsets;
        long[] counts;
        if (tiled)
        {
            chunkWidth = directory.GetInteger(TiffTags.TileWidth, 0);
            chunkHeight = directory.GetInteger(TiffTags.TileLength, 0);
            if (chunkWidth <= 0 || chunkHeight <= 0 || chunkWidth > 1 << 20 || chunkHeight > 1 << 20)
            {
                throw source.Fail($"page {index}: tile size {chunkWidth}x{chunkHeight} is invalid");
            }

            offsets = directory.GetIntegers(TiffTags.TileOffsets);
            counts = directory.GetIntegers(TiffTags.TileByteCounts);
        }
        else
        {
            chunkWidth = width;
            chunkHeight = directory.GetInteger(TiffTags.RowsPerStrip, height);
            if (chunkHeight <= 0 || chunkHeight > height)
            {
                chunkHeight = height;
            }

            offsets = directory.GetIntegers(TiffTags.StripOffsets);
            counts = directory.GetIntegers(TiffTags.StripByteCounts);
        }

        ushort[]? colorMap = null;
        if (directory.Has(TiffTags.ColorMap))
        {
            var map = directory.GetIntegers(TiffTags.ColorMap);
            colorMap = new ushort[map.Length];
            for (var i = 0; i < map.Length; i++)
            {
                colorMap[i] = (ushort)map[i];
            }
        }

        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tag, key) in TiffTags.TextTags)
        {
            if (directory.GetText(tag) is { } value)
            {
                text[key] = value;
            }
        }

        var page = new TiffPage
        {
            Index = index,
            Width = (int)width,
            Height = (int)height,
            BitsPerSample = (int)bitsPerSample,
            SamplesPerPixel = (int)samples,
            SampleFormat = (int)sampleFormat,
            Compression = directory.GetInteger(TiffTags.Compression, TiffTags.CompressionNone),
            Photometric = (int)photometric,
            Predictor = (int)directory.GetInteger(TiffTags.Predictor, 1),
            Planar = (int)planar,
            Tiled = tiled,
            ChunkWidth = (int)chunkWidth,
            ChunkHeight = (int)chunkHeight,
            ChunkOffsets = offsets,
            ChunkByteCounts = counts,
            ColorMap = colorMap,
            Text = text,
        };
        var expected = (long)page.ChunksPerPlane * (page.Planar == 2 ? page.SamplesPerPixel : 1);
        if (offsets.Length < expected)
        {
            throw source.Fail($"page {index}: {offsets.Length} {(tiled ? "tile" : "strip")} offsets for {expected} {(tiled ? "tiles" : "strips")}");
        }

        return page;
    }
}
