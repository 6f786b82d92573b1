using SemRestore.Synthesis.Noise;
using SemRestore.Synthesis.Randomness;
using SemRestore.TestUtilities;

namespace SemRestore.Synthesis.Tests.Noise;

[Trait("Category", "Unit")]
public sealed class NoiseModelRegistryTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in NoiseModelRegistry.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Names_HoldEveryModelOfTheIssue()
    {
        Assert.Equal(["gaussian", "poisson", "poisson-gaussian", "poisson-speckle", "scanline", "sem", "speckle"], NoiseModelRegistry.Names);
    }

    [Fact]
    public void Create_UnknownName_ListsKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => NoiseModelRegistry.Create("pink:sigma=3"));
        Assert.Contains("pink", error.Message);
        Assert.Contains("poisson-speckle", error.Message);
    }

    [Fact]
    public void Create_UnknownParameter_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => NoiseModelRegistry.Create("poisson:lambda=100,sigma=3"));
        Assert.Contains("sigma", error.Message);
    }

    [Fact]
    public void Create_OutOfRange_NamesParameterAndRange()
    {
        var error = Assert.Throws<ArgumentException>(() => NoiseModelRegistry.Create("scanline:rho=1.5"));
        Assert.Contains("rho", error.Message);
        Assert.Contains("0.99", error.Message);
    }

    [Fact]
    public void Gaussian_SigmaAndStdTogether_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => NoiseModelRegistry.Create("gaussian:sigma=10,std=0.1"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Spec_RoundTrips(string name)
    {
        var model = NoiseModelRegistry.Create(name);
        Assert.Equal(model.Spec, NoiseModelRegistry.Create(model.Spec).Spec);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_SameSeedSameBytes_AndIndependentOfThreads(string name)
    {
        var clean = TestImages.Textured(97, 61);
        var model = NoiseModelRegistry.Create(name);
        var parallel = model.Apply(clean, 42);
        var again = model.Apply(clean, 42);
        var serial = new float[clean.Pixels.Length];
        model.Apply(clean.Pixels, serial, clean.Width, clean.Height, 42);
        Assert.Equal(Statistics.Hash(parallel), Statistics.Hash(again));
        Assert.Equal(parallel.Pixels, serial);
        Assert.NotEqual(Statistics.Hash(parallel), Statistics.Hash(model.Apply(clean, 43)));
        Assert.All(parallel.Pixels, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void CounterRandom_GaussianFill_HasUnitMoments()
    {
        var random = new CounterRandom(1, 2);
        var values = new float[200_001];
        random.FillGaussian(values, new float[3 * 100_001]);
        var (mean, variance) = Statistics.Moments(values);
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.99, 1.01);
    }

    [Fact]
    public void PoissonSampler_LogFactorial_MatchesSumOfLogs()
    {
        double sum = 0;
        for (var k = 1; k <= 400; k++)
        {
            sum += Math.Log(k);
            Assert.Equal(sum, PoissonSampler.LogFactorial(k), 1e-9 * Math.Max(1, sum));
        }
    }

    [Fact]
    public void PoissonSampler_HugeMean_IsRejected()
    {
        var random = new CounterRandom(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonSampler.Sample(2e9, ref random));
    }
}
