using SemRestore.Imaging;

namespace SemRestore.Training.Data;

/// <summary>Decodes frame files for a <see cref="FrameDataset"/> (the default reads through ImageIo).</summary>
public interface IFrameReader
{
    /// <summary>Decodes the whole frame.</summary>
    GrayImage Read(string path);

    /// <summary>Width and height without decoding pixels where the format allows.</summary>
    (int Width, int Height) ProbeSize(string path);
}
