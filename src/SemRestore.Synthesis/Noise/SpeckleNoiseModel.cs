using System.Numerics.Tensors;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// Multiplicative speckle as in scikit-image's <c>random_noise(mode='speckle')</c>: y = x + x * n, n ~ N(0, sigma^2),
/// so E[y] = x and Var[y] = x^2 sigma^2. Spec <c>speckle:std=0.1</c> (default 0.1, i.e. variance 0.01 like scikit-image);
/// clip=true.
/// </summary>
[NoiseModel("speckle", "y = x + x*N(0,sigma^2); std=fraction (default 0.1) or sigma=DN; clip=true")]
public sealed class SpeckleNoiseModel : INoiseModel
{
    public SpeckleNoiseModel(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Sigma = NoiseSpecReader.ReadSigma(spec, 0.1);
        Clip = NoiseSpecReader.ReadClip(spec);
    }

    public double Sigma { get; }

    public bool Clip { get; }

    public string Spec => $"speckle:std={NoiseSpecReader.Format(Sigma)},clip={NoiseSpecReader.Format(Clip)}";

    public int ScratchLength(int width) => NoiseKernels.GaussianScratchLength(width) + width;

    public void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch)
    {
        var deviates = NoiseKernels.Gaussian(clean.Length, ref random, scratch);
        // n * x * sigma + x, in two vector passes.
        TensorPrimitives.Multiply(deviates, clean, deviates);
        TensorPrimitives.MultiplyAdd(deviates, (float)Sigma, clean, noisy);
        if (Clip)
        {
            NoiseKernels.Clip(noisy);
        }
    }
}
