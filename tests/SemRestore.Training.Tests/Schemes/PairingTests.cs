using SemRestore.Imaging;
using SemRestore.Training.Data;
using SemRestore.Training.Schemes;

namespace SemRestore.Training.Tests.Schemes;

[Trait("Category", "Unit")]
public sealed class PairingTests
{
    private static readonly SceneSource s_scene = new("scene", DatasetSplit.Train,
        new[] { "clean", "F01", "F01b", "F02", "F08", "F64" }.ToDictionary(k => k, k => k + ".tif"));

    [Theory]
    [InlineData("supervised", "F01", "F64")]
    [InlineData("n2n", "F01", "F01b")]
    [InlineData("relaxed-n2n", "F01", "F08")]
    [InlineData("relaxed-n2n:target=F02", "F01", "F02")]
    [InlineData("supervised:target=clean", "F01", "clean")]
    public void Schemes_PairFramesOfIndependentAcquisitions(string spec, string input, string target)
    {
        var scheme = SchemeRegistry.Create(spec);
        Assert.Equal(input, scheme.InputFrame);
        Assert.Equal(target, scheme.TargetFrame);
        scheme.Validate(s_scene);
        Assert.NotEqual(s_scene.AcquisitionOf(input), s_scene.AcquisitionOf(target));
    }

    [Theory]
    [InlineData("relaxed-n2n:input=F01b,target=F08")]
    [InlineData("n2n:input=F01,target=F01")]
    [InlineData("relaxed-n2n:input=F02,target=F64")]
    public void Pairs_FromOneAcquisition_AreRejected(string spec)
    {
        var scheme = SchemeRegistry.Create(spec);
        var error = Assert.Throws<InvalidInputException>(() => scheme.Validate(s_scene));
        Assert.Contains("same acquisition", error.Message);
    }

    [Fact]
    public void ExplicitAcquisitions_OverrideTheNamingConvention()
    {
        var scene = s_scene with { Acquisitions = new Dictionary<string, int> { ["F08"] = 1 } };
        Assert.Throws<InvalidInputException>(() => SchemeRegistry.Create("relaxed-n2n").Validate(scene));
    }

    [Fact]
    public void MissingFrame_IsNamed()
    {
        var scene = s_scene with { Frames = new Dictionary<string, string> { ["F01"] = "a.tif" } };
        var error = Assert.Throws<InvalidInputException>(() => SchemeRegistry.Create("relaxed-n2n").Validate(scene));
        Assert.Contains("F08", error.Message);
    }

    [Fact]
    public void UnknownScheme_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => SchemeRegistry.Create("noise2self"));
        Assert.Contains("relaxed-n2n", error.Message);
        Assert.Contains("n2v", error.Message);
    }
}
