namespace SemRestore.Tensors.Nn;

/// <summary>Channel layer norm at each pixel (NAFNet LayerNorm2d): <c>weight</c> ones, <c>bias</c> zeros, eps 1e-6.</summary>
public sealed class LayerNorm2d : Module
{
    /// <summary>Creates the layer for <paramref name="channels"/> channels.</summary>
    public LayerNorm2d(int channels, float eps = 1e-6f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Eps = eps;
        Weight = RegisterParameter("weight", new Parameter(channels));
        Init.Constant(Weight, 1f);
        Bias = RegisterParameter("bias", new Parameter(channels));
    }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Scale (C).</summary>
    public Parameter Weight { get; }

    /// <summary>Shift (C).</summary>
    public Parameter Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.LayerNorm2d(input, Weight, Bias, Eps);
}
