namespace SemRestore.Training.Data;

/// <summary>How training patches are drawn.</summary>
/// <param name="PatchSize">Side of the square crops (default 256, as ReNIn and Noise2Noise).</param>
/// <param name="Flips">Random mirror and vertical flip (p = 0.5 each).</param>
/// <param name="Rotations">Random quarter turns (with <paramref name="Flips"/>: all 8 symmetries of the square).</param>
/// <param name="Normalization">Applied to input and target of every patch separately.</param>
/// <param name="Seed">Seed of every random draw.</param>
/// <param name="ChunkSamples">Samples drawn from one resident set of scenes before the streaming sampler moves on.</param>
public sealed record PatchSamplerOptions(
    int PatchSize = 256,
    bool Flips = true,
    bool Rotations = true,
    NormalizationOptions? Normalization = null,
    ulong Seed = 0,
    int ChunkSamples = 256)
{
    public NormalizationOptions EffectiveNormalization => Normalization ?? NormalizationOptions.MinMax;

    /// <exception cref="ArgumentOutOfRangeException">PatchSize below 4 or ChunkSamples not positive.</exception>
    public void Validate()
    {
        if (PatchSize < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(PatchSize), $"Patch size must be at least 4, got {PatchSize}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ChunkSamples, nameof(ChunkSamples));
        EffectiveNormalization.Validate();
    }
}
