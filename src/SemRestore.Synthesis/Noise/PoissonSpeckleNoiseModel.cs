using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// The LFRanker mixture (Rahman et al.): y = clamp(x + a (P - x) + b (S - x), 0, 1) with P = Poisson(lambda x) / lambda
/// and S = x + x n, n ~ N(0, sigma^2), drawn independently. The paper writes noisy = clamp(Poisson(x) + Speckle(x));
/// we read that as adding both noise residuals to x (a = b = 1), since adding the two noisy images would double
/// the signal. Spec <c>poisson-speckle:lambda=256,std=0.1,a=1,b=1</c> (lambda default 256, scikit-image's level
/// count for 8-bit input; std default 0.1). Always clipped.
/// </summary>
[NoiseModel("poisson-speckle", "LFRanker: y = clamp(x + a(P-x) + b(S-x)); lambda (256), std (0.1) or sigma=DN, a (1), b (1)")]
public sealed class PoissonSpeckleNoiseModel : INoiseModel
{
    public PoissonSpeckleNoiseModel(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Lambda = spec.GetDouble("lambda", 256, 0.01, 1e8);
        Sigma = NoiseSpecReader.ReadSigma(spec, 0.1);
        A = spec.GetDouble("a", 1, 0, 10);
        B = spec.GetDouble("b", 1, 0, 10);
    }

    public double Lambda { get; }

    public double Sigma { get; }

    /// <summary>Weight of the Poisson residual.</summary>
    public double A { get; }

    /// <summary>Weight of the speckle residual.</summary>
    public double B { get; }

    public string Spec =>
        $"poisson-speckle:lambda={NoiseSpecReader.Format(Lambda)},std={NoiseSpecReader.Format(Sigma)},a={NoiseSpecReader.Format(A)},b={NoiseSpecReader.Format(B)}";

    public int ScratchLength(int width) => NoiseKernels.GaussianScratchLength(width);

    public void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch)
    {
        var deviates = NoiseKernels.Gaussian(clean.Length, ref random, scratch);
        var inverse = 1.0 / Lambda;
        for (var i = 0; i < clean.Length; i++)
        {
            double x = clean[i];
            var poisson = PoissonSampler.Sample(Lambda * x, ref random) * inverse;
            var speckle = x + x * Sigma * deviates[i];
            noisy[i] = (float)Math.Clamp(x + A * (poisson - x) + B * (speckle - x), 0, 1);
        }
    }
}
