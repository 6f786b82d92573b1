using System.Globalization;
using SemRestore.Imaging.Specs;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>
/// Charbonnier: mean(sqrt((p - t)^2 + eps)), eps inside the root (eps = delta^2). Default eps = 1e-6
/// (delta = 1e-3 as papers state; BasicSR uses 1e-12, KAIR 1e-9: set <c>charbonnier:eps=1e-12</c> to match them).
/// </summary>
[Loss("charbonnier")]
public sealed class CharbonnierLoss : ElementwiseLoss
{
    public CharbonnierLoss(NamedSpec spec)
    {
        Epsilon = spec.GetDouble("eps", 1e-6, 1e-20, 1);
        spec.EnsureOnly();
    }

    public double Epsilon { get; }

    public override string Description => string.Create(CultureInfo.InvariantCulture, $"charbonnier:eps={Epsilon:G6}");

    protected override Tensor Elementwise(Tensor prediction, Tensor target) =>
        Ops.Sqrt(Ops.Add(Ops.Square(Ops.Sub(prediction, target)), (float)Epsilon));
}
