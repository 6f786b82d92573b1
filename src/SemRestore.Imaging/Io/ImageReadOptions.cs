namespace SemRestore.Imaging.Io;

/// <summary>Options for readers.</summary>
/// <param name="MaxPixels">Largest width * height accepted, checked before any pixel buffer is allocated.</param>
public sealed record ImageReadOptions(long MaxPixels = GrayImage.DefaultMaxPixels)
{
    public static ImageReadOptions Default { get; } = new();
}
