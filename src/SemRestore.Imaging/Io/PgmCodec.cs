namespace SemRestore.Imaging.Io;

/// <summary>Pgm reader and writer. Placeholder until the codec lands.</summary>
public static class PgmCodec
{
    public static GrayImage Read(Stream stream, string? path, ImageReadOptions options) =>
        throw new ImageFormatException(path, "Pgm support is not built yet");

    public static ImageInfo Probe(Stream stream, string? path) =>
        throw new ImageFormatException(path, "Pgm support is not built yet");

    public static void Write(Stream stream, GrayImage image, ImageWriteOptions options, string? path) =>
        throw new ImageFormatException(path, "Pgm writing is not built yet");
}
