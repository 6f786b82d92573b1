using SemRestore.Imaging.Geometry;

namespace SemRestore.Imaging.Registration;

/// <summary>Options for <see cref="FrameAverager"/>.</summary>
/// <param name="Register">Align every frame to the reference frame by phase correlation before averaging.</param>
/// <param name="ReferenceIndex">Index of the reference frame in the list.</param>
/// <param name="Registration">Phase-correlation options (null = defaults without the residual estimate).</param>
/// <param name="Interpolation">Kernel for the sub-pixel shift of each frame (Bicubic by default; Nearest rounds to whole pixels).</param>
public sealed record FrameAveragingOptions(
    bool Register = false,
    int ReferenceIndex = 0,
    PhaseCorrelationOptions? Registration = null,
    ResampleMethod Interpolation = ResampleMethod.Bicubic)
{
    public static FrameAveragingOptions Default { get; } = new();
}
