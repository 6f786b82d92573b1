using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// A noise model: maps a clean image in [0, 1] to a noisy one, row by row. Rows are independent (any
/// correlation runs along a row, the fast-scan direction), so <see cref="NoiseModelExtensions.Apply(INoiseModel, SemRestore.Imaging.GrayImage, ulong, CancellationToken)"/>
/// can draw every row from its own stream keyed by (seed, row) and run rows in parallel with results
/// independent of the thread count. Create models by name with <see cref="NoiseModelRegistry.Create(string)"/>.
/// </summary>
public interface INoiseModel
{
    /// <summary>The canonical spec, for example <c>poisson:lambda=1000,clip=true</c> (parsing it gives the same model).</summary>
    string Spec { get; }

    /// <summary>Floats of scratch <see cref="ApplyRow"/> needs for a row of <paramref name="width"/> pixels.</summary>
    int ScratchLength(int width);

    /// <summary>Writes the noisy version of one row. <paramref name="clean"/> and <paramref name="noisy"/> have the same length and may be the same memory.</summary>
    void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch);
}
