namespace SemRestore.Imaging.Registration;

/// <summary>The mean image and, when frames were registered, each frame's shift to the reference (null otherwise).</summary>
/// <param name="Image">Mean of the (aligned) frames, with the reference frame's bit depth and metadata.</param>
/// <param name="Shifts">One entry per input frame; the reference has (0, 0).</param>
public sealed record FrameAveragingResult(GrayImage Image, IReadOnlyList<RegistrationResult>? Shifts);
