using SemRestore.Imaging.Specs;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>Mean squared error: mean((p - t)^2).</summary>
[Loss("mse")]
public sealed class MseLoss : ElementwiseLoss
{
    public MseLoss(NamedSpec spec) => spec.EnsureOnly();

    public override string Description => "mse";

    protected override Tensor Elementwise(Tensor prediction, Tensor target) => Ops.Square(Ops.Sub(prediction, target));
}
