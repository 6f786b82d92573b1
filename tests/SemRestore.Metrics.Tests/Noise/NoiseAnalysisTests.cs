using SemRestore.Imaging;
using SemRestore.Metrics.Noise;
using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests.Noise;

public sealed class NoiseAnalysisTests
{
    /// <summary>r(x, y) = w(x, y) + a w(x - 1, y), w white Gaussian: lag-1 correlation along x is a / (1 + a^2), 0 along y.</summary>
    internal static GrayImage CorrelatedNoise(int width, int height, double a, double sigma, int seed)
    {
        var random = new Random(seed);
        var white = new double[width * height];
        for (var i = 0; i < white.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            white[i] = sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(Math.Tau * u2);
        }

        var image = new GrayImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var previous = x > 0 ? white[y * width + x - 1] : 0;
                image[x, y] = (float)(white[y * width + x] + a * previous);
            }
        }

        return image;
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData(0.5, 0.4)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 0.5)]
    public void CorrelationMap_RecoversConfiguredCorrelation_Within005(double a, double expected)
    {
        var noise = CorrelatedNoise(200, 200, a, 0.05, 7);
        var map = NoiseCorrelationMap.Compute(noise, 3);
        Assert.Equal(7, map.Size);
        Assert.Equal(1.0, map.At(0, 0), 9);
        Assert.InRange(map.At(1, 0), expected - 0.05, expected + 0.05);
        Assert.InRange(map.At(-1, 0), expected - 0.05, expected + 0.05);
        Assert.InRange(map.At(0, 1), -0.05, 0.05);
        Assert.InRange(map.At(2, 0), -0.05, 0.05);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void CorrelationMap_ConstantResidual_ThrowsInvalidInput()
    {
        Assert.Throws<InvalidInputException>(() => NoiseCorrelationMap.Compute(TestImages.Constant(20, 20, 0.1f), 2));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void CorrelationMap_RadiusTooLarge_ThrowsNamingRadius()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NoiseCorrelationMap.Compute(TestImages.Random(10, 10), 5));
        Assert.Equal("radius", e.ParamName);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Histogram_GaussianNoise_FitsMeanSigmaAndIsClose()
    {
        var noise = CorrelatedNoise(256, 256, 0, 0.05, 3);
        var histogram = ResidualHistogram.Compute(noise, 51);
        Assert.InRange(histogram.Sigma, 0.049, 0.051);
        Assert.InRange(histogram.Mean, -0.001, 0.001);
        Assert.True(histogram.TotalVariationDistance < 0.03, $"distance {histogram.TotalVariationDistance}");
        Assert.Equal(noise.PixelCount, histogram.Counts.Sum() + histogram.Outside);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Histogram_UniformNoise_IsFarFromGaussian()
    {
        var histogram = ResidualHistogram.Compute(TestImages.Random(256, 256), 51);
        Assert.True(histogram.TotalVariationDistance > 0.05, $"distance {histogram.TotalVariationDistance}");
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData(0.02)]
    [InlineData(0.1)]
    public void SigmaEstimate_OnTexturePlusWhiteNoise_IsWithin10Percent(double sigma)
    {
        var clean = TestImages.Textured(256, 256, 4);
        var noisy = clean.Clone();
        var noise = CorrelatedNoise(256, 256, 0, sigma, 5);
        for (var i = 0; i < noisy.Pixels.Length; i++)
        {
            noisy.Pixels[i] += noise.Pixels[i];
        }

        Assert.InRange(NoiseSigmaEstimator.Estimate(noisy), 0.9 * sigma, 1.1 * sigma);
        Assert.True(NoiseSigmaEstimator.Estimate(clean) < 0.1 * sigma);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Analyze_DifferentSizes_ThrowsInvalidInput()
    {
        var e = Assert.Throws<InvalidInputException>(() => NoiseAnalysis.Analyze(TestImages.Random(20, 20), TestImages.Random(21, 20)));
        Assert.Contains("21x20", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Analyze_ReportsResidualSigma()
    {
        var clean = TestImages.Textured(128, 128);
        var noise = CorrelatedNoise(128, 128, 0.5, 0.04, 9);
        var noisy = clean.Clone();
        for (var i = 0; i < noisy.Pixels.Length; i++)
        {
            noisy.Pixels[i] += noise.Pixels[i];
        }

        var analysis = NoiseAnalysis.Analyze(noisy, clean, 2);
        Assert.InRange(analysis.ResidualSigma, 0.04 * Math.Sqrt(1.25) * 0.95, 0.04 * Math.Sqrt(1.25) * 1.05);
        Assert.InRange(analysis.Correlation.At(1, 0), 0.35, 0.45);
    }
}
