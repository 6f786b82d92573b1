using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests;

public sealed class PsnrMetricTests
{
    [Fact]
    [Trait("Category", "Golden")]
    public void Compute_MatchesSkimage_ForDataRanges1And2()
    {
        var a = GoldenData.ReadF32("ssim_a_96x80.f32", 96, 80);
        var b = GoldenData.ReadF32("ssim_b_96x80.f32", 96, 80);
        Assert.Equal(GoldenData.Value("psnr_range1"), PsnrMetric.Compute(b, a, 1.0), 9);
        Assert.Equal(GoldenData.Value("psnr_range2"), PsnrMetric.Compute(b, a, 2.0), 9);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_WhenImagesAreIdentical_ReturnsInfinity()
    {
        var a = TestImages.Textured(32, 16);
        Assert.Equal(double.PositiveInfinity, PsnrMetric.Compute(a, a.Clone()));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_KnownOffset_GivesExactValue()
    {
        var a = TestImages.Constant(10, 10, 0.5f);
        var b = TestImages.Constant(10, 10, 0.6f);
        // MSE = 0.01 (within float rounding), PSNR = 20 dB at range 1.
        Assert.Equal(20.0, PsnrMetric.Compute(b, a), 4);
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Compute_WhenDataRangeInvalid_ThrowsNamingIt(double range)
    {
        var a = TestImages.Random(8, 8);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PsnrMetric.Compute(a, a, range));
        Assert.Equal("dataRange", e.ParamName);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_WhenSizesDiffer_ThrowsWithBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => PsnrMetric.Compute(TestImages.Random(8, 8), TestImages.Random(9, 8)));
        Assert.Contains("8x8", e.Message);
        Assert.Contains("9x8", e.Message);
    }
}
