using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// Shot noise with photon scale lambda: y = Poisson(lambda * x) / lambda, so E[y] = x and Var[y] = x / lambda
/// (SEMNet draws lambda from [1e2, 1e4]). Spec <c>poisson:lambda=1000</c>; default 1000; clip=true.
/// Sampling is exact (<see cref="PoissonSampler"/>).
/// </summary>
[NoiseModel("poisson", "y = Poisson(lambda*x)/lambda; lambda in [0.01, 1e8] (default 1000); clip=true")]
public sealed class PoissonNoiseModel : INoiseModel
{
    public PoissonNoiseModel(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Lambda = spec.GetDouble("lambda", 1000, 0.01, 1e8);
        Clip = NoiseSpecReader.ReadClip(spec);
    }

    public double Lambda { get; }

    public bool Clip { get; }

    public string Spec => $"poisson:lambda={NoiseSpecReader.Format(Lambda)},clip={NoiseSpecReader.Format(Clip)}";

    public int ScratchLength(int width) => 0;

    public void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch)
    {
        NoiseKernels.Poisson(clean, noisy, Lambda, ref random);
        if (Clip)
        {
            NoiseKernels.Clip(noisy);
        }
    }
}
