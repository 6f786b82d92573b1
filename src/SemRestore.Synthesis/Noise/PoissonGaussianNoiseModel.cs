using System.Numerics.Tensors;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// Poisson-Gaussian noise as in FBI-Denoiser (Byun et al. 2021): y = alpha * Poisson(x / alpha) + sigma * n,
/// n ~ N(0, 1), so Var[y] = alpha * x + sigma^2. Spec <c>poisson-gaussian:alpha=0.01,std=0.02</c>
/// (alpha = gain in (0, 1], default 0.01; read noise via sigma in 8-bit units or std as a fraction, default 0.02); clip=true.
/// </summary>
[NoiseModel("poisson-gaussian", "y = alpha*Poisson(x/alpha) + sigma*N(0,1); alpha (default 0.01), sigma=DN or std=fraction (default 0.02); clip=true")]
public sealed class PoissonGaussianNoiseModel : INoiseModel
{
    public PoissonGaussianNoiseModel(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Alpha = spec.GetDouble("alpha", 0.01, 1e-8, 1);
        Sigma = NoiseSpecReader.ReadSigma(spec, 0.02);
        Clip = NoiseSpecReader.ReadClip(spec);
    }

    public double Alpha { get; }

    /// <summary>Read-noise standard deviation as a fraction of full scale.</summary>
    public double Sigma { get; }

    public bool Clip { get; }

    public string Spec => $"poisson-gaussian:alpha={NoiseSpecReader.Format(Alpha)},std={NoiseSpecReader.Format(Sigma)},clip={NoiseSpecReader.Format(Clip)}";

    public int ScratchLength(int width) => NoiseKernels.GaussianScratchLength(width);

    public void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch)
    {
        var deviates = NoiseKernels.Gaussian(clean.Length, ref random, scratch);
        NoiseKernels.Poisson(clean, noisy, 1 / Alpha, ref random);
        TensorPrimitives.MultiplyAdd(deviates, (float)Sigma, noisy, noisy);
        if (Clip)
        {
            NoiseKernels.Clip(noisy);
        }
    }
}
