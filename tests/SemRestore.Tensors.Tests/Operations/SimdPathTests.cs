using SemRestore.Tensors;

namespace SemRestore.Tensors.Tests.Operations;

/// <summary>Vectorised fast paths against plain scalar loops, for every length 1..256 and odd widths.</summary>
public sealed class SimdPathTests
{
    [Fact]
    [Trait("Category", "Kernel")]
    public void LeakyRelu_ForwardAndBackward_EqualScalarForEveryLength()
    {
        for (var n = 1; n <= 256; n++)
        {
            var x = Tensor.Randn(n, n);
            x.RequiresGrad = true;
            var g = Tensor.Randn(n + 1000, n);
            var y = Ops.LeakyRelu(x, 0.2f);
            y.Backward(g);
            for (var i = 0; i < n; i++)
            {
                var v = x.Data[i];
                Assert.Equal(v > 0 ? v : v * 0.2f, y.Data[i]);
                Assert.Equal(v > 0 ? g.Data[i] : g.Data[i] * 0.2f, x.Grad!.Data[i]);
            }
        }
    }

    [Theory]
    [Trait("Category", "Kernel")]
    [InlineData(2, 2)]
    [InlineData(7, 5)]
    [InlineData(9, 33)]
    [InlineData(16, 130)]
    public void MaxPool2x2_EqualsScalarWindowScan_IncludingNaN(int h, int w)
    {
        var x = Tensor.Randn(h * w, 2, 3, h, w);
        x.Data[1] = float.NaN;
        x.RequiresGrad = true;
        var y = Ops.MaxPool2d(x, 2);
        int oh = h / 2, ow = w / 2;
        for (var p = 0; p < 6; p++)
        {
            for (var oy = 0; oy < oh; oy++)
            {
                for (var ox = 0; ox < ow; ox++)
                {
                    var best = float.NegativeInfinity;
                    for (var k = 0; k < 4; k++)
                    {
                        var v = x.Data[p * h * w + (2 * oy + k / 2) * w + 2 * ox + k % 2];
                        if (v > best || float.IsNaN(v))
                        {
                            best = v;
                            if (float.IsNaN(v))
                            {
                                break;
                            }
                        }
                    }

                    Assert.Equal(best, y.Data[p * oh * ow + oy * ow + ox]);
                }
            }
        }

        // Each output's gradient lands on exactly one input of its window.
        var g = Tensor.Ones(y.Shape);
        y.Backward(g);
        Assert.Equal(y.Length, (int)Ops.SumDouble(x.Grad!.Data));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void LeakyReluInPlace_MatchesOutOfPlace_AndRefusesWhileRecording()
    {
        var x = Tensor.Randn(3, 2, 300);
        var expected = Ops.LeakyRelu(x, 0.1f).ToArray();
        Assert.Same(x, Ops.LeakyReluInPlace(x, 0.1f));
        Assert.Equal(expected, x.ToArray());
        var p = Tensor.Randn(4, 3);
        p.RequiresGrad = true;
        Assert.Throws<InvalidOperationException>(() => Ops.LeakyReluInPlace(p, 0.1f));
    }
}
