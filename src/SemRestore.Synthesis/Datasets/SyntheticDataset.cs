using System.Text.Json;
using System.Text.Json.Nodes;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Randomness;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Datasets;

/// <summary>
/// Generates synthetic datasets: for each scene, the clean render, the two acquisitions and the ground truth, in
/// memory (<see cref="GenerateScene"/>) or written to a folder with its manifest (<see cref="Write"/>):
/// <c>DIR/scene-000/clean.tif</c> (32-bit float), <c>F01.tif</c>, <c>F01b.tif</c>, <c>F02.tif</c> ... (plan's bit depth),
/// <c>circles.json</c>, <c>defects.png</c> (when defects are drawn), <c>frames.tif</c> (the raw frames of acquisition 2, when
/// the plan asks for a stack) and <c>DIR/manifest.json</c>.
/// </summary>
public static class SyntheticDataset
{
    private const ulong ScenePurpose = 0x5343454E45UL;

    /// <summary>The folder name of scene <paramref name="index"/>: scene-000, scene-001, ...</summary>
    public static string SceneName(int index) => $"scene-{index:000}";

    /// <summary>The seed of scene <paramref name="index"/> of a dataset seeded with <paramref name="seed"/>.</summary>
    public static ulong SceneSeed(ulong seed, int index) => CounterRandom.Key(seed, ScenePurpose, (ulong)index);

    /// <summary>Renders and acquires scene <paramref name="index"/> of the plan, in memory. Deterministic, thread-count independent.</summary>
    /// <exception cref="ArgumentException">Invalid plan or scene spec.</exception>
    public static GeneratedScene GenerateScene(DatasetPlan plan, int index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, plan.Scenes.Count);
        var request = plan.Scenes[index];
        var generator = SceneGeneratorRegistry.Create(request.Kind);
        var simulator = new AcquisitionSimulator(plan.AcquisitionOrDefault);
        var frames = plan.FrameCounts;
        var seed = SceneSeed(plan.Seed, index);
        var render = generator.Render(plan.Width, plan.Height, simulator.RequiredMargin(frames[^1]), seed, plan.Defects, cancellationToken);
        if (plan.Stack)
        {
            var (withStack, raw) = simulator.AcquireWithFrames(render, frames, seed, cancellationToken);
            return new GeneratedScene(SceneName(index), request.Split, seed, generator, render, render.Clean(), withStack, raw);
        }

        var files = simulator.Acquire(render, frames, seed, cancellationToken);
        return new GeneratedScene(SceneName(index), request.Split, seed, generator, render, render.Clean(), files);
    }

    /// <summary>Writes every scene and then the manifest into <paramref name="directory"/>; reports one unit per scene.</summary>
    /// <exception cref="ArgumentException">Invalid plan or scene spec.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; scenes already written stay, the manifest is not written.</exception>
    public static SynthesisManifest Write(DatasetPlan plan, string directory, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        plan.Validate();
        Directory.CreateDirectory(directory);
        var entries = new List<SynthesisSceneEntry>(plan.Scenes.Count);
        var parameters = new JsonObject();
        for (var index = 0; index < plan.Scenes.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scene = GenerateScene(plan, index, cancellationToken);
            var entry = WriteScene(scene, directory, plan.BitDepth);
            entries.Add(entry);
            if (!parameters.ContainsKey(entry.Kind))
            {
                parameters[entry.Kind] = entry.Parameters?.DeepClone();
            }

            progress?.Report(new ProgressReport(index + 1, plan.Scenes.Count, scene.Name));
        }

        var kinds = entries.Select(e => e.Kind).Distinct().ToList();
        var manifest = new SynthesisManifest
        {
            Kind = kinds.Count == 1 ? kinds[0] : "mixed",
            Preset = plan.Preset,
            Seed = plan.Seed,
            Width = plan.Width,
            Height = plan.Height,
            Frames = plan.FrameCounts.ToArray(),
            MaxOffset = plan.AcquisitionOrDefault.MaxOffset,
            BitDepth = plan.BitDepth,
            Defects = plan.Defects,
            Acquisition = plan.AcquisitionOrDefault,
            Parameters = parameters,
            Scenes = entries,
        };
        manifest.Save(directory);
        return manifest;
    }

    /// <summary>The manifest entry of a scene (paths relative to the dataset folder), without writing anything.</summary>
    public static SynthesisSceneEntry Describe(GeneratedScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var files = new Dictionary<string, string> { ["clean"] = $"{scene.Name}/clean.tif" };
        var offsets = new Dictionary<string, double[]>();
        foreach (var file in scene.Files)
        {
            files[file.Name] = $"{scene.Name}/{file.Name}.tif";
            offsets[file.Name] = [Math.Round(file.OffsetX, 4), Math.Round(file.OffsetY, 4)];
        }

        if (scene.RawFrames is not null)
        {
            files["frames"] = $"{scene.Name}/frames.tif";
        }

        return new SynthesisSceneEntry
        {
            Name = scene.Name,
            Kind = scene.Generator.Kind,
            Split = scene.Split,
            Seed = scene.Seed,
            Files = files,
            Offsets = offsets,
            FrameOffsets = scene.RawFrames?.Select(f => new[] { Math.Round(f.OffsetX, 4), Math.Round(f.OffsetY, 4) }).ToList(),
            Circles = scene.Render.Circles is null ? null : $"{scene.Name}/circles.json",
            Defects = scene.Render.DefectMask is null ? null : $"{scene.Name}/defects.png",
            Parameters = JsonSerializer.SerializeToNode(scene.Generator.Parameters, scene.Generator.Parameters.GetType(), SynthesisManifest.JsonOptions) as JsonObject,
        };
    }

    private static SynthesisSceneEntry WriteScene(GeneratedScene scene, string directory, int bitDepth)
    {
        var entry = Describe(scene);
        var sceneDirectory = Path.Combine(directory, scene.Name);
        Directory.CreateDirectory(sceneDirectory);
        ImageIo.Write(Path.Combine(directory, entry.Files["clean"]), scene.Clean, new ImageWriteOptions(BitDepth: 32));
        var noisyOptions = new ImageWriteOptions(BitDepth: bitDepth);
        foreach (var file in scene.Files)
        {
            ImageIo.Write(Path.Combine(directory, entry.Files[file.Name]), file.Image, noisyOptions);
        }

        if (scene.RawFrames is not null)
        {
            ImageIo.WriteStack(Path.Combine(directory, entry.Files["frames"]), scene.RawFrames.Select(f => f.Image).ToList(), noisyOptions);
        }

        if (entry.Circles is not null)
        {
            new CirclesFile(scene.Render.Circles!).Save(Path.Combine(directory, entry.Circles));
        }

        if (entry.Defects is not null)
        {
            ImageIo.Write(Path.Combine(directory, entry.Defects), scene.Render.DefectMask!, new ImageWriteOptions(BitDepth: 8));
        }

        return entry;
    }
}
