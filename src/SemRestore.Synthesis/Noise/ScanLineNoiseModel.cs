using System.Numerics.Tensors;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// Scan-line correlated Gaussian noise: white N(0, sigma^2) filtered along each row by a first-order
/// autoregressive filter (see <see cref="NoiseKernels.ScanLineFilter"/>), so the correlation is rho at offset (1, 0),
/// rho^k at (k, 0) and zero between rows, as measured on real SEM noise (ReNIn, Fig. 11). y = x + filtered noise.
/// Spec <c>scanline:std=0.05,rho=0.4</c> (std default 0.05 or sigma=DN; rho in [0, 0.99], default 0.4); clip=true.
/// </summary>
[NoiseModel("scanline", "y = x + AR(1)-filtered N(0,sigma^2) along rows; std (0.05) or sigma=DN, rho at (1,0) (0.4); clip=true")]
public sealed class ScanLineNoiseModel : INoiseModel
{
    public ScanLineNoiseModel(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Sigma = NoiseSpecReader.ReadSigma(spec, 0.05);
        Rho = spec.GetDouble("rho", 0.4, 0, 0.99);
        Clip = NoiseSpecReader.ReadClip(spec);
    }

    public double Sigma { get; }

    /// <summary>Correlation of horizontally adjacent noise values.</summary>
    public double Rho { get; }

    public bool Clip { get; }

    public string Spec => $"scanline:std={NoiseSpecReader.Format(Sigma)},rho={NoiseSpecReader.Format(Rho)},clip={NoiseSpecReader.Format(Clip)}";

    public int ScratchLength(int width) => NoiseKernels.GaussianScratchLength(width);

    public void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch)
    {
        var deviates = NoiseKernels.Gaussian(clean.Length, ref random, scratch);
        NoiseKernels.ScanLineFilter(deviates, Rho);
        TensorPrimitives.MultiplyAdd(deviates, (float)Sigma, clean, noisy);
        if (Clip)
        {
            NoiseKernels.Clip(noisy);
        }
    }
}
