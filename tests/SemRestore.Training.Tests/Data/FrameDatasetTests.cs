using SemRestore.Imaging;
using SemRestore.TestUtilities;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests.Data;

[Trait("Category", "Unit")]
public sealed class FrameDatasetTests
{
    private sealed class CountingAligner(FrameOffset offset) : IFrameAligner
    {
        public int Calls { get; private set; }

        public string Description => "counting";

        public FrameOffset Estimate(GrayImage reference, GrayImage moving, CancellationToken cancellationToken)
        {
            Calls++;
            return offset;
        }
    }

    // Writes a clean image and a copy whose content is shifted so that moving(x + dx, y + dy) = clean(x, y).
    private static SceneSource ShiftedScene(string directory, int dx, int dy, bool listOffset)
    {
        var clean = TestImages.Random(40, 30, seed: 5);
        var moving = new GrayImage(40, 30);
        for (var y = 0; y < 30; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                var sx = x - dx;
                var sy = y - dy;
                moving[x, y] = sx is >= 0 and < 40 && sy is >= 0 and < 30 ? clean[sx, sy] : -1f;
            }
        }

        RawFrameReader.Write(Path.Combine(directory, "clean.raw"), clean);
        RawFrameReader.Write(Path.Combine(directory, "F01.raw"), moving);
        var frames = new Dictionary<string, string>
        {
            ["clean"] = Path.Combine(directory, "clean.raw"),
            ["F01"] = Path.Combine(directory, "F01.raw"),
        };
        var offsets = listOffset ? new Dictionary<string, FrameOffset> { ["F01"] = new(dx, dy) } : null;
        return new SceneSource("s", DatasetSplit.Train, frames, offsets);
    }

    [Theory]
    [InlineData(3, -2)]
    [InlineData(-4, 5)]
    public void KnownOffsets_CropEveryFrameToTheSameContent(int dx, int dy)
    {
        var directory = TestPaths.NewTempDirectory();
        var dataset = FrameDataset.Build([ShiftedScene(directory, dx, dy, listOffset: true)], TestScenes.Options());

        var clean = dataset.GetFrame(0, "clean");
        var noisy = dataset.GetFrame(0, "F01");

        Assert.Equal(40 - Math.Abs(dx), clean.Width);
        Assert.Equal(30 - Math.Abs(dy), clean.Height);
        Assert.Equal(clean.Pixels, noisy.Pixels);
    }

    [Fact]
    public void EstimatedAlignment_IsComputedOnce_AndCachedOnDisk()
    {
        var directory = TestPaths.NewTempDirectory();
        var scene = ShiftedScene(directory, 2, 1, listOffset: false);
        var cacheDirectory = Path.Combine(directory, "cache");
        var aligner = new CountingAligner(new FrameOffset(2, 1));
        var options = TestScenes.Options() with { Aligner = aligner, CacheDirectory = cacheDirectory };

        var first = FrameDataset.Build([scene], options);
        var second = FrameDataset.Build([scene], options);

        Assert.Equal(1, aligner.Calls);
        Assert.True(File.Exists(Path.Combine(cacheDirectory, "alignment-cache.json")));
        Assert.Equal(first.AlignmentOf(0), second.AlignmentOf(0) with { Offsets = first.AlignmentOf(0).Offsets });
        Assert.Equal(first.GetFrame(0, "clean").Pixels, second.GetFrame(0, "F01").Pixels);
    }

    [Fact]
    public void BorderCrop_RemovesPixelsOnEverySide()
    {
        var directory = TestPaths.NewTempDirectory();
        var dataset = FrameDataset.Build([ShiftedScene(directory, 0, 0, true)], TestScenes.Options() with { BorderCrop = 3 });
        Assert.Equal(34, dataset.GetFrame(0, "F01").Width);
        Assert.Equal(24, dataset.GetFrame(0, "F01").Height);
    }

    [Fact]
    public void MissingFile_IsNamed()
    {
        var scene = new SceneSource("x", DatasetSplit.Train, new Dictionary<string, string> { ["F01"] = "/nonexistent/F01.tif" });
        var error = Assert.Throws<InvalidInputException>(() => FrameDataset.Build([scene], TestScenes.Options()));
        Assert.Contains("/nonexistent/F01.tif", error.Message);
    }

    [Fact]
    public void Splits_AreByScene()
    {
        var directory = TestPaths.NewTempDirectory();
        var scenes = TestScenes.Write(directory, 3, 16, splits: [DatasetSplit.Train, DatasetSplit.Validation, DatasetSplit.Test]);
        var dataset = FrameDataset.Build(scenes, TestScenes.Options());
        Assert.Equal([0], dataset.ScenesIn(DatasetSplit.Train));
        Assert.Equal([1], dataset.ScenesIn(DatasetSplit.Validation));
        Assert.Equal([2], dataset.ScenesIn(DatasetSplit.Test));
    }

    [Fact]
    public void Hash_ChangesWithTheData()
    {
        var directory = TestPaths.NewTempDirectory();
        var scenes = TestScenes.Write(directory, 1, 16);
        var before = FrameDataset.Build(scenes, TestScenes.Options()).ComputeHash();
        RawFrameReader.Write(scenes[0].Frames["F08"], TestImages.Random(16, 16, 77));
        var after = FrameDataset.Build(scenes, TestScenes.Options()).ComputeHash();
        Assert.Equal(64, before.Length);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void FrameCache_StaysWithinItsByteBound()
    {
        var cache = new FrameCache(2 * 10 * 10 * sizeof(float));
        for (var i = 0; i < 5; i++)
        {
            cache.GetOrLoad($"k{i}", () => new GrayImage(10, 10));
            Assert.True(cache.Bytes <= cache.CapacityBytes);
        }

        cache.GetOrLoad("k4", () => throw new InvalidOperationException("k4 should still be cached"));
        Assert.Equal(5, cache.Loads);
    }
}
