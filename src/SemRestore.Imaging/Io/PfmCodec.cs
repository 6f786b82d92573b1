namespace SemRestore.Imaging.Io;

/// <summary>Pfm reader and writer. Placeholder until the codec lands.</summary>
public static class PfmCodec
{
    public static GrayImage Read(Stream stream, string? path, ImageReadOptions options) =>
        throw new ImageFormatException(path, "Pfm support is not built yet");

    public static ImageInfo Probe(Stream stream, string? path) =>
        throw new ImageFormatException(path, "Pfm support is not built yet");

    public static void Write(Stream stream, GrayImage image, ImageWriteOptions options, string? path) =>
        throw new ImageFormatException(path, "Pfm writing is not built yet");
}
