namespace SemRestore.Imaging.Io;

/// <summary>TIFF reader and writer. Placeholder until the codec lands.</summary>
public static class TiffCodec
{
    /// <summary>Reads up to <paramref name="maxPages"/> pages (all when null).</summary>
    public static IReadOnlyList<GrayImage> Read(Stream stream, string? path, ImageReadOptions options, int? maxPages) =>
        throw new ImageFormatException(path, "TIFF support is not built yet");

    public static ImageInfo Probe(Stream stream, string? path) =>
        throw new ImageFormatException(path, "TIFF support is not built yet");

    public static void Write(Stream stream, IReadOnlyList<GrayImage> frames, ImageWriteOptions options, string? path) =>
        throw new ImageFormatException(path, "TIFF writing is not built yet");
}
