namespace SemRestore.Training.Data;

/// <summary>Where the common, aligned region of a scene lies in each of its frames.</summary>
/// <param name="Reference">The reference frame key.</param>
/// <param name="Left">Left edge of the common region in reference coordinates.</param>
/// <param name="Top">Top edge of the common region in reference coordinates.</param>
/// <param name="Width">Width of the common region.</param>
/// <param name="Height">Height of the common region.</param>
/// <param name="Offsets">Offset of every frame against the reference.</param>
public sealed record SceneAlignment(
    string Reference,
    int Left,
    int Top,
    int Width,
    int Height,
    IReadOnlyDictionary<string, FrameOffset> Offsets);
