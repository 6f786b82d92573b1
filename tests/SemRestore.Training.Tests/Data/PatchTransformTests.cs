using SemRestore.Imaging;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests.Data;

[Trait("Category", "Unit")]
public sealed class PatchTransformTests
{
    private static IEnumerable<PatchTransform> All() =>
        from mirror in new[] { false, true } from turns in Enumerable.Range(0, 4) select new PatchTransform(mirror, turns);

    [Fact]
    public void TheEightTransforms_AreDistinctPermutations()
    {
        const int size = 5;
        var image = new GrayImage(size, size, Enumerable.Range(0, size * size).Select(i => (float)i).ToArray());
        var seen = new HashSet<string>();
        foreach (var transform in All())
        {
            var patch = new float[size * size];
            PatchExtractor.Extract(image, 0, 0, size, transform, patch);
            Assert.Equal(Enumerable.Range(0, size * size).Select(i => (float)i), patch.Order());
            Assert.True(seen.Add(string.Join(",", patch)), $"{transform} repeats another transform");
        }

        Assert.Equal(8, seen.Count);
    }

    [Fact]
    public void OneQuarterTurn_RotatesClockwise()
    {
        // 0 1      2 0
        // 2 3  ->  3 1
        var image = new GrayImage(2, 2, [0f, 1f, 2f, 3f]);
        var patch = new float[4];
        PatchExtractor.Extract(image, 0, 0, 2, new PatchTransform(false, 1), patch);
        Assert.Equal([2f, 0f, 3f, 1f], patch);
    }

    [Fact]
    public void Mirror_FlipsLeftRight()
    {
        var image = new GrayImage(3, 3, [0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f]);
        var patch = new float[9];
        PatchExtractor.Extract(image, 0, 0, 3, new PatchTransform(true, 0), patch);
        Assert.Equal([2f, 1f, 0f, 5f, 4f, 3f, 8f, 7f, 6f], patch);
    }

    [Fact]
    public void Draw_WithFlipsOnly_NeverTurnsByAQuarter()
    {
        var random = new SeededRandom(5);
        var drawn = new HashSet<PatchTransform>();
        for (var i = 0; i < 400; i++)
        {
            var transform = PatchTransform.Draw(random, flips: true, rotations: false);
            Assert.True(transform.QuarterTurns is 0 or 2);
            drawn.Add(transform);
        }

        Assert.Equal(4, drawn.Count);
    }

    [Fact]
    public void Draw_WithFlipsAndRotations_ReachesAllEight()
    {
        var random = new SeededRandom(6);
        var drawn = Enumerable.Range(0, 400).Select(_ => PatchTransform.Draw(random, true, true)).ToHashSet();
        Assert.Equal(8, drawn.Count);
    }

    [Fact]
    public void Extract_OutsideTheImage_Throws()
    {
        var image = new GrayImage(8, 8);
        var error = Assert.Throws<ArgumentException>(() => PatchExtractor.Extract(image, 5, 0, 4, PatchTransform.Identity, new float[16]));
        Assert.Contains("does not fit", error.Message);
    }
}
