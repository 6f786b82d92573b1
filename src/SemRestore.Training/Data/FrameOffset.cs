namespace SemRestore.Training.Data;

/// <summary>
/// Integer shift of a frame against its scene's reference: frame pixel (x + X, y + Y) shows what reference
/// pixel (x, y) shows.
/// </summary>
public readonly record struct FrameOffset(int X, int Y)
{
    public static FrameOffset Zero { get; } = new(0, 0);
}
