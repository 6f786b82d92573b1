using SemRestore.Tensors;
using SemRestore.Tensors.Nn;

namespace SemRestore.Models.FbiNet;

/// <summary>FBI-Net residual module RM(C): <c>out = PReLU_C((x + conv2_1by1(PReLU(conv1_1by1(x)))) / 2)</c>, PReLUs
/// per channel with initial slope 0. Names as the reference: activation1, activation2, conv1_1by1, conv2_1by1.</summary>
public sealed class ResidualModule : Module
{
    private readonly PReLU _activation1;
    private readonly PReLU _activation2;
    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;

    /// <summary>Creates the module for <paramref name="channels"/> channels and hidden width channels * multiplier.</summary>
    public ResidualModule(int channels, int multiplier, Random random)
    {
        _activation1 = RegisterModule("activation1", new PReLU(channels * multiplier, 0f));
        _activation2 = RegisterModule("activation2", new PReLU(channels, 0f));
        _conv1 = RegisterModule("conv1_1by1", new Conv2d(channels, channels * multiplier, 1, random));
        _conv2 = RegisterModule("conv2_1by1", new Conv2d(channels * multiplier, channels, 1, random));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var a = _conv1.Forward(input);
        var b = _activation1.Forward(a);
        ReleaseIfInference(a, input);
        var c = _conv2.Forward(b);
        ReleaseIfInference(b, input);
        var sum = Ops.Add(input, c);
        ReleaseIfInference(c, input);
        var half = Ops.Mul(sum, 0.5f);
        ReleaseIfInference(sum, input);
        var output = _activation2.Forward(half);
        ReleaseIfInference(half, input);
        return output;
    }
}
