namespace SemRestore.Tensors.Nn;

/// <summary>Exact (erf) GELU.</summary>
public sealed class GELU : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.Gelu(input);
}
