using SemRestore.Imaging.Specs;

namespace SemRestore.Imaging.Tests.Specs;

[Trait("Category", "Unit")]
public sealed class NamedSpecTests
{
    [Fact]
    public void Parse_NameAndParameters_ReadsTypedValues()
    {
        var spec = NamedSpec.Parse("median:size=11,passes=3");
        Assert.Equal("median", spec.Name);
        Assert.Equal(11, spec.GetInt("size", 3, 1, 99));
        Assert.Equal(3, spec.GetInt("PASSES", 1));
        spec.EnsureOnly();
    }

    [Fact]
    public void GetDouble_OutOfRange_NamesParameterAndRange()
    {
        var spec = NamedSpec.Parse("bm3d:sigma=-5");
        var error = Assert.Throws<ArgumentException>(() => spec.GetDouble("sigma", 25, 0, 255));
        Assert.Contains("sigma", error.Message);
        Assert.Contains("[0, 255]", error.Message);
    }

    [Fact]
    public void EnsureOnly_UnknownKey_ListsKnownKeys()
    {
        var spec = NamedSpec.Parse("gaussian:sigma=1,radius=2");
        spec.GetDouble("sigma", 1);
        var error = Assert.Throws<ArgumentException>(spec.EnsureOnly);
        Assert.Contains("radius", error.Message);
        Assert.Contains("sigma", error.Message);
    }

    [Theory]
    [InlineData(":a=1")]
    [InlineData("median:size")]
    [InlineData("median:size=1,size=2")]
    public void Parse_Malformed_Throws(string text) => Assert.Throws<ArgumentException>(() => NamedSpec.Parse(text));
}
