using SemRestore.Models.DnCnn;
using SemRestore.Tensors;

namespace SemRestore.Models.Tests.DnCnn;

[Trait("Category", "Unit")]
public sealed class DnCnnNetworkTests
{
    [Fact]
    public void DefaultNetwork_HasKairsParameterCount()
    {
        var model = ModelRegistry.Create("dncnn", seed: 1);

        // conv 1->64 (+bias); 15 x [conv 64->64 (+bias) + BN (weight, bias)]; conv 64->1 (+bias).
        const long expected = (9 * 64 + 64) + 15 * (9 * 64 * 64 + 64 + 2 * 64) + (9 * 64 + 1);
        Assert.Equal(expected, model.ParameterCount);
        Assert.Equal(17, model.Halo);
        Assert.Equal(1, model.SizeMultiple);
        Assert.Equal("dncnn:layers=17,channels=64,bn=true,residual=true", model.Spec);
    }

    [Theory]
    [InlineData(13, 17)]
    [InlineData(32, 32)]
    public void Forward_KeepsTheShape_ForAnySize(int height, int width)
    {
        using var scope = new TensorScope();
        var model = ModelRegistry.Create("dncnn:layers=4,channels=8", 2);
        var output = model.Module.Forward(Tensor.Randn(3, 2, 1, height, width));
        Assert.Equal([2, 1, height, width], output.Shape);
    }

    [Fact]
    public void ResidualLearning_ReturnsInputMinusTheBody()
    {
        using var scope = new TensorScope();
        var residual = ModelRegistry.Create("dncnn:layers=3,channels=4,bn=false", 5).Module;
        var plain = ModelRegistry.Create("dncnn:layers=3,channels=4,bn=false,residual=false", 5).Module;
        var input = Tensor.Randn(7, 1, 1, 9, 9);
        var r = residual.Forward(input).ToArray();
        var p = plain.Forward(input).ToArray();
        var x = input.ToArray();
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i] - p[i], r[i], 5);
        }
    }

    [Fact]
    public void ChangingOnePixel_ChangesOnlyOutputsWithinTheHalo()
    {
        using var scope = new TensorScope();
        var model = ModelRegistry.Create("dncnn:layers=5,channels=4", 3);
        model.Module.Eval();
        const int size = 21;
        var input = Tensor.Randn(4, 1, 1, size, size);
        var before = model.Module.Forward(input).ToArray();
        var changed = input.ToArray();
        changed[10 * size + 10] += 1f;
        var after = model.Module.Forward(Tensor.FromArray(changed, 1, 1, size, size)).ToArray();
        var reach = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] != after[i])
            {
                reach = Math.Max(reach, Math.Max(Math.Abs(i / size - 10), Math.Abs(i % size - 10)));
            }
        }

        Assert.Equal(model.Halo, reach);
    }

    [Fact]
    public void WrongChannelCount_IsRejected()
    {
        using var scope = new TensorScope();
        var model = ModelRegistry.Create("dncnn:layers=3,channels=4", 1);
        var error = Assert.Throws<ArgumentException>(() => model.Module.Forward(Tensor.Zeros(1, 3, 8, 8)));
        Assert.Contains("(N, 1, H, W)", error.Message);
    }
}
