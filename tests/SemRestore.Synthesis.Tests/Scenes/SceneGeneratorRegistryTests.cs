using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Tests.Scenes;

[Trait("Category", "Unit")]
public sealed class SceneGeneratorRegistryTests
{
    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in SceneGeneratorRegistry.Names)
        {
            data.Add(kind);
        }

        return data;
    }

    [Fact]
    public void Names_HoldEveryKindOfTheIssue()
    {
        Assert.Equal(["bumps", "contacts", "holes", "holes-irregular", "holes-irregular-small", "lines", "particles"], SceneGeneratorRegistry.Names);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_IsDeterministicInRangeAndMasksDefects(string kind)
    {
        var generator = SceneGeneratorRegistry.Create(kind);
        Assert.Equal(kind, generator.Kind);
        var a = generator.Render(160, 120, 7, 99, defects: 2);
        var b = generator.Render(160, 120, 7, 99, defects: 2);
        Assert.Equal(Statistics.Hash(a.Canvas), Statistics.Hash(b.Canvas));
        Assert.Equal(174, a.Canvas.Width);
        Assert.All(a.Canvas.Pixels, v => Assert.InRange(v, 0f, 1f));
        Assert.NotNull(a.DefectMask);
        Assert.Contains(a.DefectMask!.Pixels, v => v == 1f);
        var (_, variance) = Statistics.Moments(a.Clean().Pixels);
        Assert.True(variance > 1e-3, "a scene should have structure");
        if (a.Circles is not null)
        {
            Assert.All(a.Circles, c => Assert.True(c.X >= 0 && c.Y >= 0 && c.X <= 159 && c.Y <= 119 && c.R > 0));
        }
    }

    [Fact]
    public void Lines_HaveNoCirclesAndRoughEdges()
    {
        var smooth = SceneGeneratorRegistry.Create("lines:roughness=0,grain=0,gradient=0").Render(256, 128, 0, 5).Clean();
        var rough = SceneGeneratorRegistry.Create("lines:roughness=2,grain=0,gradient=0").Render(256, 128, 0, 5);
        Assert.Null(rough.Circles);
        // Without roughness every row is the same; with it, rows differ.
        var first = smooth.Row(0).ToArray();
        Assert.Equal(first, smooth.Row(100).ToArray());
        Assert.NotEqual(rough.Clean().Row(0).ToArray(), rough.Clean().Row(100).ToArray());
    }

    [Fact]
    public void Kinds_DescribeThemselves()
    {
        Assert.Contains("9x12", SceneGeneratorRegistry.Describe("holes"));
        Assert.Throws<ArgumentException>(() => SceneGeneratorRegistry.Describe("nope"));
    }
}
