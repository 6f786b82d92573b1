using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests;

public sealed class MsSsimMetricTests
{
    [Fact]
    [Trait("Category", "Golden")]
    public void Compute_MatchesPytorchMsssimAlgorithm()
    {
        var a = GoldenData.ReadF32("msssim_a_200x176.f32", 200, 176);
        var b = GoldenData.ReadF32("msssim_b_200x176.f32", 200, 176);
        Assert.InRange(MsSsimMetric.Compute(b, a, 1.0) - GoldenData.Value("msssim"), -1e-4, 1e-4);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_Identical_IsOne()
    {
        var a = TestImages.Textured(170, 161);
        Assert.Equal(1.0, MsSsimMetric.Compute(a, a.Clone()), 10);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_TooSmall_ThrowsWithMinimumSide()
    {
        var a = TestImages.Random(200, 160);
        var e = Assert.Throws<ArgumentException>(() => MsSsimMetric.Compute(a, a));
        Assert.Contains("161", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void AveragePool_OddSize_CountsZeroPadding()
    {
        var image = TestImages.Constant(3, 3, 1f);
        var pooled = MsSsimMetric.AveragePool(image);
        Assert.Equal(2, pooled.Width);
        Assert.Equal(2, pooled.Height);
        Assert.Equal(0.25f, pooled[0, 0]);
        Assert.Equal(0.5f, pooled[1, 0]);
        Assert.Equal(1f, pooled[1, 1]);
    }
}
