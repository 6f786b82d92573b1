using SemRestore.TestUtilities;
using SemRestore.Training.Data;
using SemRestore.Training.Schemes;

namespace SemRestore.Training.Tests.Data;

[Trait("Category", "Unit")]
public sealed class PatchSamplerTests
{
    [Fact]
    public void InputAndTarget_GetTheSameCropAndTransform()
    {
        var directory = TestPaths.NewTempDirectory();
        var scenes = TestScenes.Write(directory, 2, 40);

        // Make the target file a copy of the input file: identical patches prove identical crop and transform.
        foreach (var scene in scenes)
        {
            File.Copy(scene.Frames["F01"], scene.Frames["F08"], overwrite: true);
        }

        var dataset = FrameDataset.Build(scenes, TestScenes.Options());
        var sampler = new PatchSampler(dataset, SchemeRegistry.Create("relaxed-n2n"), new PatchSamplerOptions(PatchSize: 16, Seed: 3));

        for (var i = 0; i < 20; i++)
        {
            var sample = sampler.Sample(i);
            Assert.Equal(sample.Input, sample.Target);
            Assert.Equal(0f, sample.Input.Min());
            Assert.Equal(1f, sample.Input.Max(), 1e-6f);
        }
    }

    [Fact]
    public void Batches_AreDeterministic_AndDifferBetweenSteps()
    {
        var directory = TestPaths.NewTempDirectory();
        var dataset = FrameDataset.Build(TestScenes.Write(directory, 3, 32), TestScenes.Options());
        var options = new PatchSamplerOptions(PatchSize: 16, Seed: 9);
        var scheme = SchemeRegistry.Create("relaxed-n2n+input-dropout");

        var a = new PatchSampler(dataset, scheme, options).NextBatch(5, 4);
        var b = new PatchSampler(dataset, scheme, options).NextBatch(5, 4);
        var c = new PatchSampler(dataset, scheme, options).NextBatch(6, 4);

        Assert.Equal(a.Input, b.Input);
        Assert.Equal(a.Target, b.Target);
        Assert.NotEqual(a.Input, c.Input);
        Assert.Equal([4, 1, 16, 16], a.Shape);
    }

    [Fact]
    public void SmallCache_StreamsFromASubsetOfScenes_WithinTheBound()
    {
        var directory = TestPaths.NewTempDirectory();
        var scenes = TestScenes.Write(directory, 6, 32);
        var sceneBytes = 32L * 32 * sizeof(float) * 2;
        var reader = new RawFrameReader();
        var dataset = FrameDataset.Build(scenes, new FrameDatasetOptions(CacheBytes: 2 * sceneBytes, Reader: reader));
        var sampler = new PatchSampler(dataset, SchemeRegistry.Create("relaxed-n2n"),
            new PatchSamplerOptions(PatchSize: 16, Seed: 1, ChunkSamples: 50));

        Assert.Equal(2, sampler.ResidentScenes);
        var usedPerChunk = new List<HashSet<int>>();
        for (var chunk = 0; chunk < 4; chunk++)
        {
            var used = new HashSet<int>();
            for (var i = 0; i < 50; i++)
            {
                used.Add(sampler.Sample(chunk * 50 + i).SceneIndex);
                Assert.True(dataset.Cache.Bytes <= dataset.Cache.CapacityBytes);
            }

            Assert.True(used.Count <= 2, $"chunk {chunk} used {used.Count} scenes");
            usedPerChunk.Add(used);
        }

        Assert.True(usedPerChunk.SelectMany(u => u).Distinct().Count() > 2, "chunks should rotate through the scenes");
        Assert.True(reader.Reads <= 4 * 2 * 2, $"{reader.Reads} reads: frames should load about once per chunk");
    }

    [Fact]
    public void PatchLargerThanTheScene_IsRejectedWithAHint()
    {
        var directory = TestPaths.NewTempDirectory();
        var dataset = FrameDataset.Build(TestScenes.Write(directory, 1, 20), TestScenes.Options());
        var error = Assert.Throws<SemRestore.Imaging.InvalidInputException>(() =>
            new PatchSampler(dataset, SchemeRegistry.Create("n2n"), new PatchSamplerOptions(PatchSize: 32)));
        Assert.Contains("patch_size", error.Message);
    }
}
