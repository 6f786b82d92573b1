using SemRestore.Imaging;
using SemRestore.Imaging.Io;

namespace SemRestore.Training.Data;

/// <summary>Reads frames with <see cref="ImageIo"/> (TIFF, PNG, PGM, PFM by extension).</summary>
public sealed class ImageFileFrameReader : IFrameReader
{
    public static ImageFileFrameReader Instance { get; } = new();

    public GrayImage Read(string path) => ImageIo.Read(path);

    public (int Width, int Height) ProbeSize(string path)
    {
        var info = ImageIo.Probe(path);
        return (info.Width, info.Height);
    }
}
