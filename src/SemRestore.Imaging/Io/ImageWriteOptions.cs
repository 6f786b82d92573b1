namespace SemRestore.Imaging.Io;

/// <summary>Options for writers.</summary>
/// <param name="BitDepth">8, 16 or 32 (float); null keeps each image's <see cref="GrayImage.BitDepth"/>.</param>
/// <param name="Compression">TIFF compression; other formats ignore it.</param>
public sealed record ImageWriteOptions(int? BitDepth = null, TiffCompression Compression = TiffCompression.None)
{
    public static ImageWriteOptions Default { get; } = new();
}
