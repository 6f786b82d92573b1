namespace SemRestore.Training;

/// <summary>How a <see cref="Restorer"/> runs a model over an image.</summary>
/// <param name="TileSize">Side of the output region each forward pass produces (rounded to the model's size multiple).
/// Memory per pass grows with (TileSize + 2 * halo)^2; the result does not depend on it.</param>
/// <param name="Clip">Clip the output to [0, 1] (the range of integer images).</param>
/// <param name="OutputNormalized">Return the network's normalised output (ReNIn evaluates that way) instead of
/// mapping it back to the input's range.</param>
public sealed record RestorerOptions(int TileSize = 512, bool Clip = true, bool OutputNormalized = false)
{
    /// <exception cref="ArgumentOutOfRangeException">TileSize outside 16..8192.</exception>
    public void Validate()
    {
        if (TileSize is < 16 or > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(TileSize), $"Tile size must be in 16..8192, got {TileSize}.");
        }
    }
}
