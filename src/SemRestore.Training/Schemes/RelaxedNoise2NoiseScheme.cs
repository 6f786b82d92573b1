using SemRestore.Imaging.Specs;

namespace SemRestore.Training.Schemes;

/// <summary>
/// Relaxed Noise2Noise (ReNIn): a single scan against an independently acquired, less noisy average, by default
/// F01 -> F08. Cleaner targets than F01b but far cheaper than F64.
/// </summary>
/// <remarks>Spec: <c>relaxed-n2n</c>, <c>relaxed-n2n:target=F16</c>.</remarks>
[TrainingScheme("relaxed-n2n")]
public sealed class RelaxedNoise2NoiseScheme : PairedScheme
{
    public RelaxedNoise2NoiseScheme(NamedSpec spec)
        : base(spec.GetString("input", "F01"), spec.GetString("target", "F08"), requireIndependentNoise: true)
    {
        spec.EnsureOnly();
    }

    public override string Description => $"relaxed-n2n:input={InputFrame},target={TargetFrame}";
}
