namespace SemRestore.Tensors.Nn;

/// <summary>1 / (1 + e^-x).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.Sigmoid(input);
}
