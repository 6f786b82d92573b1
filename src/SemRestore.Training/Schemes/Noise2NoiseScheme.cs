using SemRestore.Imaging.Specs;

namespace SemRestore.Training.Schemes;

/// <summary>Noise2Noise (Lehtinen et al. 2018): two independent single scans, F01 -> F01b.</summary>
/// <remarks>Spec: <c>n2n</c>, <c>n2n:input=F01,target=F01b</c>. Input and target must come from different acquisitions.</remarks>
[TrainingScheme("n2n")]
public sealed class Noise2NoiseScheme : PairedScheme
{
    public Noise2NoiseScheme(NamedSpec spec)
        : base(spec.GetString("input", "F01"), spec.GetString("target", "F01b"), requireIndependentNoise: true)
    {
        spec.EnsureOnly();
    }

    public override string Description => $"n2n:input={InputFrame},target={TargetFrame}";
}
