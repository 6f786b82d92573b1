using SemRestore.Imaging;
using SemRestore.Metrics.Evaluation;
using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests.Evaluation;

public sealed class EvaluationParsingTests
{
    [Fact]
    [Trait("Category", "Unit")]
    public void ParseList_CommasInsideSpecs_SplitOnlyBeforeNames()
    {
        var methods = MethodSpec.ParseList("median:size=11,passes=3,bm3d:sigma=25,nlm@F32,model:/runs/a");
        Assert.Equal(new[] { "median:size=11,passes=3", "bm3d:sigma=25", "nlm", "model:/runs/a" }, methods.Select(m => m.Denoiser));
        Assert.Equal("F32", methods[2].Input);
        Assert.Null(methods[0].Input);
        Assert.Equal("nlm@F32", methods[2].Label);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void ParseList_Semicolons_AreTheOnlySeparatorWhenPresent()
    {
        var methods = MethodSpec.ParseList("median:size=3@F32; bm3d:sigma=25,steps=1");
        Assert.Equal(2, methods.Count);
        Assert.Equal("median:size=3", methods[0].Denoiser);
        Assert.Equal("F32", methods[0].Input);
        Assert.Equal("bm3d:sigma=25,steps=1", methods[1].Denoiser);
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData("size=3,median")]
    [InlineData("median@")]
    [InlineData("@F32")]
    public void ParseList_Malformed_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => MethodSpec.ParseList(text));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void CropRegion_ParsesAndChecksBounds()
    {
        var crop = CropRegion.Parse("1, 1, 510, 440");
        Assert.Equal(new CropRegion(1, 1, 510, 440), crop);
        var image = TestImages.Random(512, 471);
        Assert.Equal(510, crop.Apply(image, "x").Width);
        Assert.Equal(image[1, 1], crop.Apply(image, "x")[0, 0]);
        Assert.Throws<InvalidInputException>(() => crop.Apply(TestImages.Random(100, 100), "small"));
        Assert.Throws<ArgumentException>(() => CropRegion.Parse("1,1,0,5"));
        Assert.Throws<ArgumentException>(() => CropRegion.Parse("1,1,5"));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void IntensityMatch_RecoversExactGainAndOffset()
    {
        var reference = TestImages.Textured(40, 30);
        var image = new IntensityMatch(2, -0.5).Apply(reference);
        var fit = IntensityMatch.Fit(image, reference);
        Assert.Equal(0.5, fit.Gain, 4);
        Assert.Equal(0.25, fit.Offset, 4);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void LoadPairs_MatchesNoisyAndCleanByPrefix()
    {
        var folder = TestPaths.NewTempDirectory();
        foreach (var name in new[] { "b_noisy_1.tif", "b_clean_50.tif", "a_noisy_x.tif", "a_clean_y.tif", "notes.txt" })
        {
            File.WriteAllText(Path.Combine(folder, name), string.Empty);
        }

        var dataset = EvaluationDataset.Load(folder);
        Assert.Equal("pairs", dataset.Layout);
        Assert.Equal(new[] { "a", "b" }, dataset.Items.Select(i => i.Name));
        Assert.EndsWith("b_clean_50.tif", dataset.Items[1].Files["clean"]);
        Assert.Equal("noisy", dataset.DefaultInput);

        File.Delete(Path.Combine(folder, "a_clean_y.tif"));
        var e = Assert.Throws<InvalidInputException>(() => EvaluationDataset.Load(folder));
        Assert.Contains("a_noisy_x.tif", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Load_EmptyOrMissingFolder_ThrowsInvalidInput()
    {
        Assert.Throws<InvalidInputException>(() => EvaluationDataset.Load(Path.Combine(TestPaths.NewTempDirectory(), "nope")));
        Assert.Contains("manifest.json", Assert.Throws<InvalidInputException>(() => EvaluationDataset.Load(TestPaths.NewTempDirectory())).Message);
        var folder = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"version\":1}");
        Assert.Contains("scenes", Assert.Throws<InvalidInputException>(() => EvaluationDataset.Load(folder)).Message);
    }
}
