namespace SemRestore.Training.Data;

/// <summary>
/// One of the 8 symmetries of a square patch: an optional horizontal mirror followed by
/// <see cref="QuarterTurns"/> clockwise quarter turns. The same transform is applied to input and target.
/// </summary>
/// <param name="Mirror">Mirror left-right first.</param>
/// <param name="QuarterTurns">Clockwise rotations by 90 degrees, 0..3.</param>
public readonly record struct PatchTransform(bool Mirror, int QuarterTurns)
{
    /// <summary>No change.</summary>
    public static PatchTransform Identity { get; } = new(false, 0);

    /// <summary>
    /// Draws a transform. With flips only (ReNIn) the choices are identity, mirror, vertical flip (mirror and
    /// two turns) and 180-degree rotation, each with probability 1/4; with rotations all 8 are equally likely.
    /// </summary>
    public static PatchTransform Draw(SeededRandom random, bool flips, bool rotations)
    {
        ArgumentNullException.ThrowIfNull(random);
        var mirror = flips && random.NextInt(2) == 1;
        var turns = rotations ? random.NextInt(4) : (flips && random.NextInt(2) == 1 ? 2 : 0);
        return new PatchTransform(mirror, turns);
    }

    /// <summary>
    /// Maps destination pixel (u, v) of an s x s patch to the source pixel (x, y) of the untransformed patch.
    /// </summary>
    public (int X, int Y) SourceOf(int u, int v, int size)
    {
        var last = size - 1;

        // Undo the rotation: a clockwise quarter turn sends (x, y) to (last - y, x).
        var (x, y) = (QuarterTurns & 3) switch
        {
            0 => (u, v),
            1 => (v, last - u),
            2 => (last - u, last - v),
            _ => (last - v, u),
        };
        return Mirror ? (last - x, y) : (x, y);
    }
}
