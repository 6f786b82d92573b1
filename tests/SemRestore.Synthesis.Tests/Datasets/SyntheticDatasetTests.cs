using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Datasets;
using SemRestore.TestUtilities;

namespace SemRestore.Synthesis.Tests.Datasets;

[Trait("Category", "Integration")]
public sealed class SyntheticDatasetTests
{
    private static DatasetPlan SmallPlan(int defects = 0) => new(
        [new("holes", "train"), new("holes-irregular", "test")],
        Width: 192, Height: 144, Frames: [1, 2, 8], Seed: 7,
        Acquisition: AcquisitionOptions.Default with { MaxOffset = 6 }, Defects: defects);

    [Fact]
    public void Renin_HasTheReNInSplit()
    {
        var plan = DatasetPlan.Renin();
        Assert.Equal((1024, 768), (plan.Width, plan.Height));
        Assert.Equal([1, 2, 8, 16, 32, 64], plan.FrameCounts);
        Assert.Equal(["train", "train", "train", "train", "train", "validation", "test", "test", "test"], plan.Scenes.Select(s => s.Split));
        Assert.Equal(7, plan.Scenes.Count(s => s.Kind == "holes"));
        Assert.Equal("holes-irregular", plan.Scenes[7].Kind);
        Assert.Equal("holes-irregular-small", plan.Scenes[8].Kind);
    }

    [Fact]
    public void Write_WritesFilesManifestAndGroundTruth()
    {
        var directory = TestPaths.NewTempDirectory();
        var written = SyntheticDataset.Write(SmallPlan(defects: 2), directory);
        var manifest = SynthesisManifest.Load(directory);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(written, SynthesisManifest.JsonOptions), System.Text.Json.JsonSerializer.Serialize(manifest, SynthesisManifest.JsonOptions));
        Assert.Equal(1, manifest.Version);
        Assert.Equal("mixed", manifest.Kind);
        Assert.Equal([1, 2, 8], manifest.Frames);
        Assert.Equal(6, manifest.MaxOffset);
        Assert.True(manifest.Parameters.ContainsKey("holes") && manifest.Parameters.ContainsKey("holes-irregular"));
        var scene = manifest.Scenes[0];
        Assert.Equal("scene-000", scene.Name);
        Assert.Equal(["F01", "F01b", "F02", "F08", "clean"], scene.Files.Keys.Order());
        Assert.Equal(["F01", "F01b", "F02", "F08"], scene.Offsets.Keys.Order());
        var clean = ImageIo.Read(SynthesisManifest.ResolvePath(directory, scene, "clean"));
        var f01 = ImageIo.Read(SynthesisManifest.ResolvePath(directory, scene, "F01"));
        Assert.Equal((192, 144), (clean.Width, clean.Height));
        Assert.Equal(8, f01.BitDepth);
        var circles = CirclesFile.Load(Path.Combine(directory, scene.Circles!));
        Assert.InRange(circles.Circles.Count, 100, 108);
        var mask = ImageIo.Read(Path.Combine(directory, scene.Defects!));
        Assert.Contains(mask.Pixels, v => v == 1f);

        // The files on disk are the in-memory scene, quantised.
        var memory = SyntheticDataset.GenerateScene(SmallPlan(defects: 2), 0);
        Assert.Equal(memory.Clean.Pixels, clean.Pixels);
        var expected = memory.Files.Single(f => f.Name == "F01").Image;
        for (var i = 0; i < expected.Pixels.Length; i++)
        {
            Assert.Equal(Math.Round(expected.Pixels[i] * 255) / 255, f01.Pixels[i], 1e-6);
        }
    }

    [Fact]
    public void Write_WithStack_WritesTheRawFramesAndTheirOffsets()
    {
        var directory = TestPaths.NewTempDirectory();
        var manifest = SyntheticDataset.Write(SmallPlan() with { Scenes = [new("holes", "train")], Width = 96, Height = 72, Stack = true }, directory);
        var scene = manifest.Scenes[0];
        var stack = ImageIo.ReadStack(SynthesisManifest.ResolvePath(directory, scene, "frames"));
        Assert.Equal(8, stack.Count);
        Assert.Equal(8, scene.FrameOffsets!.Count);
        Assert.Equal([0.0, 0.0], scene.FrameOffsets[0].Select(v => v - Math.Round(v)));
        Assert.NotNull(SynthesisManifest.Load(directory).Scenes[0].FrameOffsets);
    }

    [Fact]
    public void Write_OffsetsMatchTheFiles()
    {
        var directory = TestPaths.NewTempDirectory();
        var manifest = SyntheticDataset.Write(SmallPlan() with { Scenes = [new("holes", "train")] }, directory);
        var scene = manifest.Scenes[0];
        var clean = ImageIo.Read(SynthesisManifest.ResolvePath(directory, scene, "clean"));
        foreach (var (key, offset) in scene.Offsets)
        {
            var image = ImageIo.Read(SynthesisManifest.ResolvePath(directory, scene, key));
            int dx = (int)Math.Round(offset[0]), dy = (int)Math.Round(offset[1]);
            var aligned = new GrayImage(clean.Width - 16, clean.Height - 16);
            var reference = new GrayImage(clean.Width - 16, clean.Height - 16);
            for (var y = 0; y < aligned.Height; y++)
            {
                for (var x = 0; x < aligned.Width; x++)
                {
                    aligned[x, y] = image[x + 8 + dx, y + 8 + dy];
                    reference[x, y] = clean[x + 8, y + 8];
                }
            }

            Assert.True(Statistics.Psnr8(aligned, reference) > 20, $"{key} at its manifest offset ({offset[0]}, {offset[1]}) should match clean");
        }
    }

    [Fact]
    public void GenerateScene_SameSeedSameBytes()
    {
        var plan = SmallPlan();
        var a = SyntheticDataset.GenerateScene(plan, 1);
        var b = SyntheticDataset.GenerateScene(plan, 1);
        Assert.Equal(Statistics.Hash(a.Clean), Statistics.Hash(b.Clean));
        Assert.Equal(a.Files.Select(f => Statistics.Hash(f.Image)), b.Files.Select(f => Statistics.Hash(f.Image)));
        var other = SyntheticDataset.GenerateScene(plan with { Seed = 8 }, 1);
        Assert.NotEqual(Statistics.Hash(a.Clean), Statistics.Hash(other.Clean));
    }

    [Fact]
    public void Load_MissingOrBadManifest_IsInvalidInput()
    {
        var directory = TestPaths.NewTempDirectory();
        var error = Assert.Throws<InvalidInputException>(() => SynthesisManifest.Load(directory));
        Assert.Contains("manifest", error.Message);
        File.WriteAllText(Path.Combine(directory, SynthesisManifest.FileName), "{ not json");
        Assert.Throws<InvalidInputException>(() => SynthesisManifest.Load(directory));
    }

    [Fact]
    public void Plan_BadValues_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (SmallPlan() with { BitDepth = 12 }).Validate());
        Assert.Throws<ArgumentException>(() => (SmallPlan() with { Scenes = [new("holes", "dev")] }).Validate());
        var huge = Assert.Throws<ArgumentOutOfRangeException>(() => (SmallPlan() with { Width = 30000, Height = 30000 }).Validate());
        Assert.Contains("megapixels", huge.Message);
        Assert.Throws<ArgumentException>(() => SyntheticDataset.GenerateScene(SmallPlan() with { Scenes = [new("nope", "train")] }, 0));
    }

    [Fact]
    public void GenerateScene_IsIndependentOfTheThreadCount()
    {
        var plan = SmallPlan(defects: 2) with { Scenes = [new("holes-irregular", "train"), new("particles", "train"), new("lines", "train")] };
        var parallel = Enumerable.Range(0, 3).Select(i => SyntheticDataset.GenerateScene(plan, i)).ToList();
        List<GeneratedScene> serial;
        RowParallelism.MaxDegree = 1;
        try
        {
            serial = Enumerable.Range(0, 3).Select(i => SyntheticDataset.GenerateScene(plan, i)).ToList();
        }
        finally
        {
            RowParallelism.MaxDegree = -1;
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Statistics.Hash(parallel[i].Clean), Statistics.Hash(serial[i].Clean));
            Assert.Equal(parallel[i].Files.Select(f => Statistics.Hash(f.Image)), serial[i].Files.Select(f => Statistics.Hash(f.Image)));
        }
    }

    [Fact]
    public void Write_Cancelled_LeavesNoManifest()
    {
        var directory = TestPaths.NewTempDirectory();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticDataset.Write(SmallPlan(), directory, null, cancellation.Token));
        Assert.False(File.Exists(Path.Combine(directory, SynthesisManifest.FileName)));
    }

    [Fact]
    public void Write_ReportsOneStepPerScene()
    {
        var reports = new List<ProgressReport>();
        SyntheticDataset.Write(SmallPlan() with { Width = 64, Height = 48 }, TestPaths.NewTempDirectory(), new SynchronousProgress(reports.Add));
        Assert.Equal([(1L, 2L), (2L, 2L)], reports.Select(r => (r.Done, r.Total)));
    }

    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => report(value);
    }
}
