using SemRestore.Imaging;

namespace SemRestore.Synthesis.Acquisition;

/// <summary>
/// One file of an acquired scene: F01 (acquisition 1), F01b or an average F_n (acquisition 2).
/// <c>Image(x + OffsetX, y + OffsetY) ≈ clean(x, y)</c>, the registration convention: the whole-image integer offset
/// plus the mean drift of the frames averaged into it.
/// </summary>
/// <param name="Name">F01, F01b, F02, F08, ...</param>
/// <param name="Image">Intensities in [0, 1], the size of the clean image.</param>
/// <param name="OffsetX">Horizontal offset in pixels.</param>
/// <param name="OffsetY">Vertical offset in pixels.</param>
/// <param name="Frames">Number of frames averaged.</param>
/// <param name="Acquisition">1 or 2: files of different acquisitions have independent noise.</param>
public sealed record AcquiredFile(string Name, GrayImage Image, double OffsetX, double OffsetY, int Frames, int Acquisition);
