using SemRestore.Tensors;

namespace SemRestore.Tensors.Tests.Operations;

/// <summary>Error inputs: each op names itself and the shapes involved.</summary>
public sealed class OpErrorTests
{
    public static TheoryData<string, Action, string[]> Cases() => new()
    {
        { "add", () => Ops.Add(Tensor.Zeros(2, 3), Tensor.Zeros(4, 3)), ["add", "[2, 3]", "[4, 3]"] },
        { "mul", () => Ops.Mul(Tensor.Zeros(2, 3, 4), Tensor.Zeros(3, 5)), ["mul", "[2, 3, 4]", "[3, 5]"] },
        { "conv rank", () => Ops.Conv2d(Tensor.Zeros(3, 8, 8), Tensor.Zeros(4, 3, 3, 3)), ["conv2d", "rank 4", "[3, 8, 8]"] },
        { "conv channels", () => Ops.Conv2d(Tensor.Zeros(1, 2, 8, 8), Tensor.Zeros(4, 3, 3, 3)), ["conv2d", "[1, 2, 8, 8]", "[4, 3, 3, 3]"] },
        { "conv too small", () => Ops.Conv2d(Tensor.Zeros(1, 3, 2, 2), Tensor.Zeros(4, 3, 3, 3)), ["conv2d", "too small"] },
        { "conv bias", () => Ops.Conv2d(Tensor.Zeros(1, 3, 8, 8), Tensor.Zeros(4, 3, 3, 3), Tensor.Zeros(3)), ["bias [3]", "[4]"] },
        { "conv mask", () => Ops.Conv2d(Tensor.Zeros(1, 3, 8, 8), Tensor.Zeros(4, 3, 3, 3), null, padding: 1, tapMask: new bool[8]), ["tap mask", "8", "9"] },
        { "conv groups", () => Ops.Conv2d(Tensor.Zeros(1, 3, 8, 8), Tensor.Zeros(4, 1, 3, 3), null, groups: 2), ["groups 2"] },
        { "reflect too big", () => Ops.Pad(Tensor.Zeros(1, 1, 3, 3), 3, 3, 0, 0, PaddingMode.Reflect), ["reflect", "3x3"] },
        { "concat", () => Ops.Concat(1, Tensor.Zeros(1, 2, 4, 4), Tensor.Zeros(1, 2, 5, 4)), ["concat", "[1, 2, 4, 4]", "[1, 2, 5, 4]"] },
        { "reshape", () => Ops.Reshape(Tensor.Zeros(2, 3), 4, 2), ["reshape", "[2, 3]", "[4, 2]"] },
        { "matmul", () => Ops.MatMul(Tensor.Zeros(2, 3), Tensor.Zeros(4, 5)), ["matmul", "[2, 3]", "[4, 5]"] },
        { "pool", () => Ops.MaxPool2d(Tensor.Zeros(1, 1, 1, 1), 2), ["max_pool2d", "[1, 1, 1, 1]"] },
        { "pixel shuffle", () => Ops.PixelShuffle(Tensor.Zeros(1, 3, 2, 2), 2), ["pixel_shuffle", "[1, 3, 2, 2]"] },
        { "prelu", () => Ops.Prelu(Tensor.Zeros(1, 3, 2, 2), Tensor.Zeros(2)), ["prelu", "[2]", "[1, 3, 2, 2]"] },
        { "layer norm", () => Ops.LayerNorm2d(Tensor.Zeros(1, 3, 2, 2), Tensor.Zeros(2), Tensor.Zeros(3)), ["layer_norm2d", "[2]", "3"] },
        { "rank 5", () => Tensor.Zeros(1, 1, 1, 1, 1), ["rank 5", "maximum 4"] },
        { "from array", () => Tensor.FromArray([1f, 2f], 3), ["2 values", "[3]"] },
        { "split", () => Ops.Split(Tensor.Zeros(2, 5), 1, 2, 2), ["split", "sum to 5", "[2, 5]"] },
        { "crop", () => Ops.Crop(Tensor.Zeros(1, 1, 4, 4), 2, 2, 3, 3), ["crop", "[1, 1, 4, 4]"] },
    };

    [Theory]
    [Trait("Category", "Unit")]
    [MemberData(nameof(Cases))]
    public void BadInput_ThrowsArgumentExceptionNamingOpAndShapes(string name, Action act, string[] fragments)
    {
        var e = Assert.ThrowsAny<ArgumentException>(act);
        foreach (var f in fragments)
        {
            Assert.True(e.Message.Contains(f, StringComparison.Ordinal), $"{name}: message '{e.Message}' lacks '{f}'");
        }
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void EnsureFinite_NamesWhatCountAndFirstIndex()
    {
        var t = Tensor.FromArray([1f, float.NaN, 2f, float.PositiveInfinity], 2, 2);
        var e = Assert.Throws<ArithmeticException>(() => TensorChecks.EnsureFinite(t, "loss"));
        Assert.Contains("loss", e.Message);
        Assert.Contains("2 of 4", e.Message);
        Assert.Contains("index 1", e.Message);
        Assert.Contains("[2, 2]", e.Message);
        TensorChecks.EnsureFinite(Tensor.Ones(3), "ok");
        Assert.False(TensorChecks.IsFinite(t));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void DisposedTensor_ThrowsOnAccess()
    {
        var t = Tensor.Ones(2);
        t.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Ops.Relu(t));
    }
}
