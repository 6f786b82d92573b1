using SemRestore.Imaging;
using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests;

public sealed class SsimMetricTests
{
    private static readonly GrayImage s_a = GoldenData.ReadF32("ssim_a_96x80.f32", 96, 80);
    private static readonly GrayImage s_b = GoldenData.ReadF32("ssim_b_96x80.f32", 96, 80);

    [Fact]
    [Trait("Category", "Golden")]
    public void Compute_SkimageDefault_MatchesSkimage()
    {
        Assert.InRange(SsimMetric.Compute(s_b, s_a, SsimOptions.SkimageDefault(1.0)) - GoldenData.Value("ssim_skimage_default"), -1e-4, 1e-4);
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Compute_Wang_MatchesSkimageGaussianPopulation()
    {
        Assert.InRange(SsimMetric.Compute(s_b, s_a, SsimOptions.Wang(1.0)) - GoldenData.Value("ssim_wang"), -1e-4, 1e-4);
    }

    [Theory]
    [Trait("Category", "Golden")]
    [InlineData("skimage", "ssim_map_skimage_default_96x80.f32")]
    [InlineData("wang", "ssim_map_wang_96x80.f32")]
    public void ComputeWithMap_EveryPixelMatchesSkimage_BordersIncluded(string variant, string file)
    {
        var expected = GoldenData.ReadF32(file, 96, 80);
        var result = SsimMetric.ComputeWithMap(s_b, s_a, SsimOptions.FromName(variant, 1.0));
        Assert.NotNull(result.Map);
        var worst = 0.0;
        for (var i = 0; i < expected.Pixels.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected.Pixels[i] - result.Map![i]));
        }

        Assert.True(worst < 1e-4, $"largest map difference {worst}");
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Compute_DataRange255_MatchesSkimage()
    {
        var a = Scale(s_a, 255);
        var b = Scale(s_b, 255);
        Assert.InRange(SsimMetric.Compute(b, a, SsimOptions.SkimageDefault(255)) - GoldenData.Value("ssim_skimage_default_range255"), -1e-4, 1e-4);
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Compute_TinyImage_ReflectsBeyondOneWidth_MatchesSkimage()
    {
        var a = Crop(s_a, 12, 9);
        var b = Crop(s_b, 12, 9);
        Assert.InRange(SsimMetric.Compute(b, a, SsimOptions.SkimageDefault(1.0)) - GoldenData.Value("ssim_skimage_default_12x9"), -1e-4, 1e-4);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_IdenticalImages_IsOne()
    {
        var a = TestImages.Textured(40, 30);
        Assert.Equal(1.0, SsimMetric.Compute(a, a.Clone(), SsimOptions.Wang()), 12);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_IsSymmetricAndBelowOneForNoise()
    {
        var a = TestImages.Textured(40, 30, 1);
        var b = TestImages.Random(40, 30, 2);
        var ab = SsimMetric.Compute(a, b, SsimOptions.SkimageDefault());
        var ba = SsimMetric.Compute(b, a, SsimOptions.SkimageDefault());
        Assert.Equal(ab, ba, 12);
        Assert.True(ab < 0.5, $"SSIM of unrelated images was {ab}");
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_IsDeterministicAcrossRuns()
    {
        var big = TestImages.Random(257, 131, 3);
        var other = TestImages.Random(257, 131, 4);
        var first = SsimMetric.Compute(big, other, SsimOptions.Wang());
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(first, SsimMetric.Compute(big, other, SsimOptions.Wang()));
        }
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_ImageSmallerThanWindow_Throws()
    {
        var a = TestImages.Random(6, 20);
        var e = Assert.Throws<ArgumentException>(() => SsimMetric.Compute(a, a, SsimOptions.SkimageDefault()));
        Assert.Contains("7x7", e.Message);
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData(4)]
    [InlineData(1)]
    public void Compute_EvenOrTinyWindow_ThrowsNamingWindowSize(int size)
    {
        var a = TestImages.Random(20, 20);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SsimMetric.Compute(a, a, SsimOptions.SkimageDefault() with { WindowSize = size }));
        Assert.Equal("WindowSize", e.ParamName);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void FromName_Unknown_ListsChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => SsimOptions.FromName("matlab"));
        Assert.Contains("skimage", e.Message);
        Assert.Contains("wang", e.Message);
    }

    private static GrayImage Scale(GrayImage image, float factor)
    {
        var result = image.Clone();
        for (var i = 0; i < result.Pixels.Length; i++)
        {
            result.Pixels[i] *= factor;
        }

        return result;
    }

    internal static GrayImage Crop(GrayImage image, int width, int height)
    {
        var result = new GrayImage(width, height);
        for (var y = 0; y < height; y++)
        {
            image.Row(y)[..width].CopyTo(result.Row(y));
        }

        return result;
    }
}
