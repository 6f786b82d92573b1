using SemRestore.Imaging.Specs;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>Mean absolute error: mean(|p - t|).</summary>
[Loss("l1")]
public sealed class L1Loss : ElementwiseLoss
{
    public L1Loss(NamedSpec spec) => spec.EnsureOnly();

    public override string Description => "l1";

    protected override Tensor Elementwise(Tensor prediction, Tensor target) => Ops.Abs(Ops.Sub(prediction, target));
}
