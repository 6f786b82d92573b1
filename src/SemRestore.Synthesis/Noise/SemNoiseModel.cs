using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// One SEM frame's noise, the model of the acquisition simulator without drift: shot noise at <c>dose</c>
/// (electrons per unit intensity per frame: Var = x / dose), Gaussian read noise <c>read</c> (fraction of full
/// scale) and scan-line correlation <c>rho</c>, all filtered along the row. Spec
/// <c>sem:dose=60,read=0.012,rho=0.4</c>; defaults are <see cref="AcquisitionOptions"/>'s calibrated values; clip=true.
/// </summary>
[NoiseModel("sem", "SEM frame: (Poisson(dose*x)-dose*x)/dose + read*N(0,1), AR(1) along rows with rho; defaults = acquisition defaults; clip=true")]
public sealed class SemNoiseModel : INoiseModel
{
    public SemNoiseModel(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var defaults = AcquisitionOptions.Default;
        Dose = spec.GetDouble("dose", defaults.Dose, 0.01, 1e8);
        ReadNoise = spec.GetDouble("read", defaults.ReadNoise, 0, 1);
        Rho = spec.GetDouble("rho", defaults.ScanCorrelation, 0, 0.99);
        Clip = NoiseSpecReader.ReadClip(spec);
    }

    public double Dose { get; }

    public double ReadNoise { get; }

    public double Rho { get; }

    public bool Clip { get; }

    public string Spec =>
        $"sem:dose={NoiseSpecReader.Format(Dose)},read={NoiseSpecReader.Format(ReadNoise)},rho={NoiseSpecReader.Format(Rho)},clip={NoiseSpecReader.Format(Clip)}";

    public int ScratchLength(int width) => NoiseKernels.SemScratchLength(width);

    public void ApplyRow(ReadOnlySpan<float> clean, Span<float> noisy, ref CounterRandom random, Span<float> scratch) =>
        NoiseKernels.Sem(clean, noisy, Dose, ReadNoise, Rho, Clip, ref random, scratch);
}
