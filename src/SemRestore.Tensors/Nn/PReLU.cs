namespace SemRestore.Tensors.Nn;

/// <summary>PReLU with a learnable <c>weight</c> of <paramref name="numParameters"/> slopes (1 = shared,
/// C = per channel), initialised to <paramref name="init"/> (torch default 0.25).</summary>
public sealed class PReLU : Module
{
    /// <summary>Creates the layer.</summary>
    public PReLU(int numParameters = 1, float init = 0.25f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numParameters, 1);
        Weight = RegisterParameter("weight", new Parameter(numParameters));
        Init.Constant(Weight, init);
    }

    /// <summary>The slopes (numParameters).</summary>
    public Parameter Weight { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.Prelu(input, Weight);
}
