namespace SemRestore.Tensors.Nn;

/// <summary>x for x &gt; 0, slope * x otherwise (torch default slope 0.01).</summary>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : Module
{
    /// <summary>The slope for negative inputs.</summary>
    public float NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.LeakyRelu(input, NegativeSlope);
}
