using SemRestore.Synthesis.Noise;
using SemRestore.TestUtilities;

namespace SemRestore.Synthesis.Tests.Noise;

[Trait("Category", "Unit")]
public sealed class NoiseModelStatisticsTests
{
    private const int Size = 512; // 262 144 samples: relative error of a variance estimate ~0.3 %

    [Theory]
    [InlineData(1000, 0.5)]
    [InlineData(100, 0.3)]
    [InlineData(10000, 0.7)]
    [InlineData(5, 0.5)] // mean 2.5: inversion path
    [InlineData(19, 0.5)] // mean 9.5 and, with noise on the boundary, both paths
    public void Poisson_VarianceEqualsMeanOverLambda(double lambda, float x)
    {
        var model = NoiseModelRegistry.Create($"poisson:lambda={lambda},clip=false");
        var noisy = model.Apply(TestImages.Constant(Size, Size, x), 11);
        var (mean, variance) = Statistics.Moments(noisy.Pixels);
        Assert.InRange(mean, x * 0.99, x * 1.01);
        AssertRelative(x / lambda, variance, 0.03);
    }

    [Fact]
    public void Gaussian_MomentsMatch()
    {
        var noisy = NoiseModelRegistry.Create("gaussian:sigma=12.75").Apply(TestImages.Constant(Size, Size, 0.5f), 3);
        var (mean, variance) = Statistics.Moments(noisy.Pixels);
        Assert.InRange(mean, 0.499, 0.501);
        AssertRelative(0.05 * 0.05, variance, 0.03);
        AssertRelative(3.0, Statistics.Kurtosis(noisy.Pixels), 0.03);
    }

    [Fact]
    public void Speckle_VarianceIsXSquaredSigmaSquared()
    {
        var noisy = NoiseModelRegistry.Create("speckle:std=0.1").Apply(TestImages.Constant(Size, Size, 0.6f), 4);
        var (mean, variance) = Statistics.Moments(noisy.Pixels);
        Assert.InRange(mean, 0.599, 0.601);
        AssertRelative(0.6 * 0.6 * 0.01, variance, 0.03);
        AssertRelative(3.0, Statistics.Kurtosis(noisy.Pixels), 0.03);
    }

    [Fact]
    public void PoissonGaussian_VarianceIsAlphaXPlusSigmaSquared()
    {
        var noisy = NoiseModelRegistry.Create("poisson-gaussian:alpha=0.002,std=0.02,clip=false").Apply(TestImages.Constant(Size, Size, 0.4f), 5);
        var (mean, variance) = Statistics.Moments(noisy.Pixels);
        Assert.InRange(mean, 0.399, 0.401);
        AssertRelative(0.002 * 0.4 + 0.02 * 0.02, variance, 0.03);
    }

    [Fact]
    public void PoissonSpeckle_AddsBothResiduals()
    {
        var noisy = NoiseModelRegistry.Create("poisson-speckle:lambda=1000,std=0.05").Apply(TestImages.Constant(Size, Size, 0.5f), 6);
        var (mean, variance) = Statistics.Moments(noisy.Pixels);
        Assert.InRange(mean, 0.499, 0.501);
        AssertRelative(0.5 / 1000 + 0.25 * 0.0025, variance, 0.03);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.7)]
    [InlineData(0.0)]
    public void ScanLine_CorrelatesHorizontallyOnly(double rho)
    {
        var clean = TestImages.Constant(Size, Size, 0.5f);
        var noisy = NoiseModelRegistry.Create($"scanline:std=0.05,rho={rho}").Apply(clean, 7);
        var noise = Statistics.Difference(noisy, clean);
        AssertRelative(0.05 * 0.05, Statistics.Moments(noise).Variance, 0.03);
        Assert.InRange(Statistics.Correlation(noise, Size, Size, 1, 0), rho - 0.02, rho + 0.02);
        Assert.InRange(Statistics.Correlation(noise, Size, Size, 2, 0), rho * rho - 0.02, rho * rho + 0.02);
        Assert.InRange(Math.Abs(Statistics.Correlation(noise, Size, Size, 0, 1)), 0, 0.02);
    }

    [Fact]
    public void Sem_VarianceGrowsWithBrightness()
    {
        var model = NoiseModelRegistry.Create("sem:dose=50,read=0.01,rho=0.4,clip=false");
        foreach (var x in new[] { 0.1f, 0.5f, 0.8f })
        {
            var noisy = model.Apply(TestImages.Constant(Size, Size / 2, x), 8);
            AssertRelative(x / 50 + 0.0001, Statistics.Moments(noisy.Pixels).Variance, 0.03);
        }
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"expected {expected:G5} within {tolerance:P0}, got {actual:G5} ({(actual - expected) / expected:P2})");
}
