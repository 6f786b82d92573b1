using SemRestore.Classical.Median;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Tests;

[Trait("Category", "Unit")]
public sealed class DenoiserRegistryTests
{
    [Fact]
    public void Names_ListsEveryClassicalDenoiser()
    {
        Assert.Equal(["bilateral", "bm3d", "gaussian", "median", "nlm", "tv"], DenoiserRegistry.Names);
    }

    [Fact]
    public void Create_WithUnknownName_ListsRegisteredNames()
    {
        var error = Assert.Throws<ArgumentException>(() => DenoiserRegistry.Create("wiener:size=3"));
        Assert.Contains("wiener", error.Message);
        foreach (var name in DenoiserRegistry.Names)
        {
            Assert.Contains(name, error.Message);
        }
    }

    [Fact]
    public void Create_WithUnknownParameter_NamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => DenoiserRegistry.Create("median:size=3,radius=2"));
        Assert.Contains("radius", error.Message);
        Assert.Contains("size", error.Message);
    }

    [Theory]
    [InlineData("median:size=4", "size", "odd")]
    [InlineData("median:size=301", "size", "255")]
    [InlineData("median:passes=0", "passes", "[1, 100]")]
    [InlineData("median:border=wrap", "border", "reflect")]
    [InlineData("gaussian:sigma=0", "sigma", "100")]
    [InlineData("gaussian:radius=-1", "radius", "500")]
    [InlineData("bilateral:sigma_color=-5", "sigma_color", "10000")]
    [InlineData("bilateral:diameter=500", "diameter", "101")]
    [InlineData("nlm:template=6", "template", "odd")]
    [InlineData("nlm:search=200", "search", "101")]
    [InlineData("nlm:h=abc", "h", "number")]
    [InlineData("bm3d:sigma=0", "sigma", "1000")]
    [InlineData("bm3d:steps=3", "steps", "[1, 2]")]
    [InlineData("tv:weight=0", "weight", "1000")]
    [InlineData("tv:iterations=0", "iterations", "10000")]
    public void Create_WithBadValue_NamesParameterAndRange(string spec, string parameter, string fragment)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => DenoiserRegistry.Create(spec));
        Assert.Contains(parameter, error.Message);
        Assert.Contains(fragment, error.Message);
    }

    [Theory]
    [InlineData("median:size=11,passes=3")]
    [InlineData("gaussian:sigma=2")]
    [InlineData("bilateral:sigma_color=30")]
    [InlineData("nlm:h=10")]
    [InlineData("bm3d:sigma=140,steps=1")]
    [InlineData("tv:weight=0.2")]
    public void Description_RoundTripsThroughCreate(string spec)
    {
        var denoiser = DenoiserRegistry.Create(spec);
        Assert.Equal(denoiser.Description, DenoiserRegistry.Create(denoiser.Description).Description);
    }

    [Fact]
    public void Create_ParsesOptionsIntoTheRecord()
    {
        var median = Assert.IsType<MedianDenoiser>(DenoiserRegistry.Create("MEDIAN:size=11,passes=3,border=replicate"));
        Assert.Equal(new MedianOptions { Size = 11, Passes = 3, Border = BorderMode.Replicate }, median.Options);
    }

    [Fact]
    public void Collect_WithDuplicateName_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DenoiserRegistry.Collect([typeof(FakeA), typeof(FakeB)]));
        Assert.Contains("twin", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Collect_WithoutFactory_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DenoiserRegistry.Collect([typeof(NoFactory)]));
        Assert.Contains("FromSpec", error.Message);
    }

    [Denoiser("twin")]
    public sealed class FakeA : IDenoiser
    {
        public string Description => "twin";

        public static FakeA FromSpec(NamedSpec spec) => new();

        public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default) => input.Clone();
    }

    [Denoiser("TWIN")]
    public sealed class FakeB : IDenoiser
    {
        public string Description => "twin";

        public static FakeB FromSpec(NamedSpec spec) => new();

        public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default) => input.Clone();
    }

    [Denoiser("lonely")]
    public sealed class NoFactory : IDenoiser
    {
        public string Description => "lonely";

        public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default) => input.Clone();
    }
}
