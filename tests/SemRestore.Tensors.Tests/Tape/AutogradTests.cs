using SemRestore.Tensors;
using SemRestore.Tensors.Nn;
using AutogradMode = SemRestore.Tensors.Autograd;

namespace SemRestore.Tensors.Tests.Tape;

public sealed class AutogradTests
{
    [Fact]
    [Trait("Category", "Unit")]
    public void Backward_WhenTensorUsedTwice_AccumulatesBothPaths()
    {
        var x = Tensor.FromArray([1f, 2f, 3f], 3);
        x.RequiresGrad = true;
        var y = Ops.Sum(x * x + x * 3f);
        y.Backward();
        Assert.Equal([5f, 7f, 9f], x.Grad!.ToArray());
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Backward_SecondConsumerOfEachOpKind_AddsToTheFirstContribution()
    {
        // The first contribution overwrites a freshly rented gradient buffer, later ones must add.
        var x = Tensor.FromArray([-2f, 3f], 2);
        x.RequiresGrad = true;
        var w = Tensor.FromArray([0.5f], 1);
        var y = Ops.LeakyRelu(x, 0.1f) + Ops.Relu(x) + Ops.Prelu(x.Reshape(1, 2), w).Reshape(2) + x * 2f + Ops.Exp(x) + x.Reshape(2, 1).Reshape(2);
        Ops.Sum(y).Backward();
        Assert.Equal(0.1f + 0f + 0.5f + 2f + MathF.Exp(-2f) + 1f, x.Grad!.Data[0], 5);
        Assert.Equal(1f + 1f + 1f + 2f + MathF.Exp(3f) + 1f, x.Grad!.Data[1], 4);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Backward_CalledTwiceOnFreshGraphs_AccumulatesIntoLeafGrad()
    {
        var x = Tensor.FromArray([2f], 1);
        x.RequiresGrad = true;
        Ops.Sum(x * 4f).Backward();
        Ops.Sum(x * 4f).Backward();
        Assert.Equal(8f, x.Grad!.Item());
        x.ZeroGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void NoGrad_RecordsNothing()
    {
        var x = Tensor.Ones(2, 2);
        x.RequiresGrad = true;
        Tensor y;
        using (AutogradMode.NoGrad())
        {
            Assert.False(AutogradMode.IsEnabled);
            y = Ops.Relu(x * 2f);
        }

        Assert.True(AutogradMode.IsEnabled);
        Assert.True(y.IsLeaf);
        Assert.False(y.RequiresGrad);
        Assert.Throws<InvalidOperationException>(() => Ops.Sum(y).Backward());
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Backward_FreesNonLeafGradsUnlessRetained()
    {
        var x = Tensor.Ones(3);
        x.RequiresGrad = true;
        var a = (x * 2f).RetainGrad();
        var b = a * 3f;
        Ops.Sum(b).Backward();
        Assert.NotNull(a.Grad);
        Assert.Equal([3f, 3f, 3f], a.Grad!.ToArray());
        Assert.Null(b.Grad);
        Assert.Equal([6f, 6f, 6f], x.Grad!.ToArray());
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Backward_WithoutSeedOnNonScalar_Throws()
    {
        var x = Tensor.Ones(3);
        x.RequiresGrad = true;
        var e = Assert.Throws<InvalidOperationException>(() => (x * 2f).Backward());
        Assert.Contains("[3]", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Backward_DeepChain_DoesNotOverflowTheStack()
    {
        var x = Tensor.Ones(1);
        x.RequiresGrad = true;
        var y = x;
        for (var i = 0; i < 20_000; i++)
        {
            y = y * 1f;
        }

        Ops.Sum(y).Backward();
        Assert.Equal(1f, x.Grad!.Item());
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void TensorScope_DisposesIntermediatesButNotKeptOrParameters()
    {
        var p = new Parameter(Tensor.Ones(4));
        Tensor kept, dropped;
        using (var scope = new TensorScope())
        {
            dropped = p * 2f;
            kept = scope.Keep(Ops.Sum(dropped));
            kept.Backward();
        }

        Assert.True(dropped.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.False(p.IsDisposed);
        Assert.Equal([2f, 2f, 2f, 2f], p.Grad!.ToArray());
        Assert.Throws<ObjectDisposedException>(() => dropped.Data[0]);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Reshape_SharesStorageAndKeepsItAliveAfterSourceDisposed()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        var y = x.Reshape(4);
        x.Dispose();
        Assert.Equal([1f, 2f, 3f, 4f], y.ToArray());
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Pool_ReusesReturnedArrays()
    {
        var a = TensorPool.Rent(12345);
        TensorPool.Return(a);
        var b = TensorPool.Rent(12345);
        Assert.Same(a, b);
    }

    [Fact]
    [Trait("Category", "Gradient")]
    public void GradientChecker_DetectsAWrongBackward()
    {
        static Tensor WrongSquare(Tensor x)
        {
            var output = Tensor.Empty(x.Shape);
            System.Numerics.Tensors.TensorPrimitives.Multiply(x.Data, x.Data, output.Data);
            return AutogradMode.Record(output, "wrong_square", [x], g =>
            {
                var dx = x.GradSpan();
                for (var i = 0; i < dx.Length; i++)
                {
                    dx[i] += g.Data[i] * 2.1f * x.Data[i]; // 5% too large
                }
            });
        }

        var input = TestTensors.Uniform(1, 0.5f, 1f, 6);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GradientChecker.Check("wrong", x => WrongSquare(x[0]), [input]));
    }
}
