using SemRestore.Imaging.Specs;

namespace SemRestore.Training.Schemes;

/// <summary>Supervised training: noisy input against a clean(er) target, by default F01 -> F64 (the paper's baseline).</summary>
/// <remarks>Spec: <c>supervised</c>, <c>supervised:input=F01,target=clean</c>.</remarks>
[TrainingScheme("supervised")]
public sealed class SupervisedScheme : PairedScheme
{
    public SupervisedScheme(NamedSpec spec)
        : base(spec.GetString("input", "F01"), spec.GetString("target", "F64"), requireIndependentNoise: true)
    {
        spec.EnsureOnly();
    }

    public override string Description => $"supervised:input={InputFrame},target={TargetFrame}";
}
