using System.Numerics.Tensors;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// Additive white Gaussian noise: y = x + sigma * n, n ~ N(0, 1), clipped to [0, 1] unless clip=false.
/// Spec <c>gaussian:sigma=25</c> (8-bit units, 0-255) or <c>gaussian:std=0.1</c> (fraction); default sigma 25.
/// </summary>
[NoiseModel("gaussian", "y = x + sigma*N(0,1); sigma=DN on 0-255 (default 25) or std=fraction; clip=true")]
public sealed class GaussianNoiseModel : INoiseModel
{
    public GaussianNoiseModel(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Sigma = NoiseSpecReader.ReadSigma(spec, 25.0 / 255);
        Clip = NoiseSpecReader.ReadClip(spec);
    }

    /// <summary>Standard deviation as a fraction of full scale.</summary>
    public double Sigma { get; }

    public bool Clip { get; }

    public string Spec => $"gaussian:std={NoiseSpecReader.Format(Sigma)},clip={NoiseSpecReader.Format(Clip)}";

    public int ScratchLength(int width) => NoiseKernels.GaussianScratchLength(width);

    public void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch)
    {
        var deviates = NoiseKernels.Gaussian(clean.Length, ref random, scratch);
        TensorPrimitives.MultiplyAdd(deviates, (float)Sigma, clean, noisy);
        if (Clip)
        {
            NoiseKernels.Clip(noisy);
        }
    }
}
