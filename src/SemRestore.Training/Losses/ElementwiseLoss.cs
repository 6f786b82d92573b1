using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>
/// Base of the per-pixel losses: authors write only the element-wise term e(p, t); the reduction is shared.
/// Without a mask the loss is mean(e); with a mask m it is sum(e * m) / sum(m) (Noise2Void's masked loss).
/// </summary>
public abstract class ElementwiseLoss : ILoss
{
    public abstract string Description { get; }

    public bool SupportsMask => true;

    /// <summary>The element-wise term, same shape as the inputs.</summary>
    protected abstract Tensor Elementwise(Tensor prediction, Tensor target);

    public Tensor Compute(Tensor prediction, Tensor target, Tensor? mask = null)
    {
        LossGuard.RequireSameShape(Description, prediction, target, mask);
        var term = Elementwise(prediction, target);
        if (mask is null)
        {
            return Ops.Mean(term);
        }

        var count = 0.0;
        foreach (var m in mask.Data)
        {
            count += m;
        }

        if (count <= 0)
        {
            throw new ArgumentException($"{Description}: the mask selects no pixel.", nameof(mask));
        }

        return Ops.Mul(Ops.Sum(Ops.Mul(term, mask)), (float)(1.0 / count));
    }
}
