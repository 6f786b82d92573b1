using SemRestore.TestUtilities;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests.Data;

[Trait("Category", "Unit")]
public sealed class NormalizationOptionsTests
{
    [Theory]
    [InlineData("minmax")]
    [InlineData("fixed:low=0.1,high=0.8")]
    [InlineData("percentile:low=1,high=99")]
    [InlineData("none")]
    public void NormalizeThenInvert_ReturnsTheOriginalValues(string spec)
    {
        var options = NormalizationOptions.Parse(spec);
        var original = TestImages.Random(37, 29, seed: 3).Pixels;
        for (var i = 0; i < original.Length; i++)
        {
            original[i] = original[i] * 0.6f + 0.2f;
        }

        var values = (float[])original.Clone();
        var parameters = options.Normalize(values);
        parameters.Invert(values);

        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(original[i], values[i], 1e-6f);
        }
    }

    [Fact]
    public void MinMax_MapsTheExtremesToZeroAndOne()
    {
        float[] values = [0.3f, 0.5f, 0.7f, 0.4f];
        NormalizationOptions.MinMax.Normalize(values);
        Assert.Equal(0f, values.Min());
        Assert.Equal(1f, values.Max(), 1e-6f);
        Assert.Equal(0.5f, values[1], 1e-6f);
    }

    [Fact]
    public void MinMax_OfAFlatPatch_GivesZerosNotNaN()
    {
        float[] values = [0.4f, 0.4f, 0.4f];
        NormalizationOptions.MinMax.Normalize(values);
        Assert.All(values, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Percentile_IgnoresAHotPixel()
    {
        var values = Enumerable.Range(0, 1000).Select(i => i / 1000f).ToArray();
        values[500] = 100f;
        var parameters = NormalizationOptions.Parse("percentile:low=1,high=99").Fit(values);
        Assert.InRange(parameters.Low + parameters.Range, 0.95f, 1.0f);
    }

    [Theory]
    [InlineData("minmax")]
    [InlineData("none")]
    [InlineData("fixed:low=0.25,high=0.75")]
    [InlineData("percentile:low=2,high=98")]
    public void ToString_ParsesBackToTheSameOptions(string spec)
    {
        var options = NormalizationOptions.Parse(spec);
        Assert.Equal(options, NormalizationOptions.Parse(options.ToString()));
    }

    [Theory]
    [InlineData("fixed:low=1,high=0", "high > low")]
    [InlineData("percentile:low=90,high=10", "0 <= low < high <= 100")]
    [InlineData("zscore", "Unknown normalisation")]
    [InlineData("minmax:scale=2", "unknown parameter")]
    public void Parse_RejectsBadSpecs(string spec, string fragment)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => NormalizationOptions.Parse(spec));
        Assert.Contains(fragment, error.Message);
    }
}
