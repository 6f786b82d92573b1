using SemRestore.Tensors.Nn;

namespace SemRestore.Tensors.Optim;

/// <summary>AdamW (Loshchilov and Hutter 2019), torch.optim.AdamW: first <c>p *= 1 - lr * weight_decay</c>,
/// then the Adam update without the L2 term. Torch default weight decay 0.01.</summary>
public sealed class AdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9,
    double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
    : Adam(parameters, learningRate, beta1, beta2, eps, weightDecay)
{
    /// <inheritdoc />
    protected override string Kind => "adamw";

    /// <inheritdoc />
    protected override bool Decoupled => true;
}
