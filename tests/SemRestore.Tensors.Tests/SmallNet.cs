using SemRestore.Tensors;
using SemRestore.Tensors.Nn;

namespace SemRestore.Tensors.Tests;

/// <summary>conv1 (1 -> 4, 3x3) -> tanh -> conv2 (4 -> 1, 3x3), the SmallNet of make_golden.py.</summary>
internal sealed class SmallNet : Module
{
    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;

    public SmallNet(int seed = 0)
    {
        var random = new Random(seed);
        _conv1 = RegisterModule("conv1", new Conv2d(1, 4, 3, random, padding: 1));
        _conv2 = RegisterModule("conv2", new Conv2d(4, 1, 3, random, padding: 1));
    }

    public override Tensor Forward(Tensor input) => _conv2.Forward(Ops.Tanh(_conv1.Forward(input)));
}
