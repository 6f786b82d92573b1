using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Datasets;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore synth --kind holes --count 6 --size 3072x2048 --frames 1,2,8,16,32,64 --seed 7 -o DIR</c> or
/// <c>semrestore synth --preset renin -o DIR</c>: writes synthetic SEM frame stacks with ground truth and a manifest.
/// </summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Dataset folder to write (scene-000/..., manifest.json).", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = $"Scene kind, optionally with parameters (holes:radius=0.3): {string.Join(", ", SceneGeneratorRegistry.Names)}.",
            DefaultValueFactory = _ => "holes",
        };
        var preset = new Option<string?>("--preset") { Description = "renin: 5 holes train, 1 holes validation, 1 holes test, holes-irregular and holes-irregular-small test (overrides --kind/--count)." };
        preset.AcceptOnlyFromAmong("renin");
        var count = new Option<int>("--count") { Description = "Number of scenes (1-10000).", DefaultValueFactory = _ => 1 };
        var size = new Option<string>("--size") { Description = "Image size WIDTHxHEIGHT (the paper's is 3072x2048).", DefaultValueFactory = _ => "1024x768" };
        var frames = new Option<string>("--frames") { Description = "Frame counts averaged by acquisition 2 (1 is always written as F01b; F01 comes from acquisition 1).", DefaultValueFactory = _ => "1,2,8,16,32,64" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed writes the same bytes.", DefaultValueFactory = _ => 7 };
        var maxOffset = new Option<int>("--max-offset") { Description = "Largest whole-image offset per file in pixels, each axis (0 turns offsets off).", DefaultValueFactory = _ => AcquisitionOptions.Default.MaxOffset };
        var dose = new Option<double>("--dose") { Description = "Electrons per unit intensity per frame (shot-noise variance x/dose); the default is calibrated to ~21.5 dB F01 PSNR for holes.", DefaultValueFactory = _ => AcquisitionOptions.DefaultDose };
        var readNoise = new Option<double>("--read-noise") { Description = "Read-noise standard deviation per frame in 8-bit units (0-127).", DefaultValueFactory = _ => AcquisitionOptions.DefaultReadNoise * 255 };
        var correlation = new Option<double>("--scan-correlation") { Description = "Noise correlation of horizontal neighbours (0-0.95).", DefaultValueFactory = _ => AcquisitionOptions.Default.ScanCorrelation };
        var drift = new Option<double>("--drift") { Description = "Mean drift in pixels per frame (0-1).", DefaultValueFactory = _ => AcquisitionOptions.Default.DriftPerFrame };
        var driftJitter = new Option<double>("--drift-jitter") { Description = "Random-walk step of the drift per frame in pixels (0-1).", DefaultValueFactory = _ => AcquisitionOptions.Default.DriftJitter };
        var defects = new Option<int>("--defects") { Description = "Defects per scene: missing hole, bridge, particle, scratch (writes defects.png).", DefaultValueFactory = _ => 0 };
        var bitDepth = new Option<int>("--bit-depth") { Description = "Bit depth of the noisy files: 8, 16 or 32 (clean.tif is always 32-bit float).", DefaultValueFactory = _ => 8 };
        var validation = new Option<int>("--validation") { Description = "Without --preset: how many scenes (before the test scenes, at the end) form the validation split.", DefaultValueFactory = _ => 0 };
        var test = new Option<int>("--test") { Description = "Without --preset: how many of the last scenes form the test split.", DefaultValueFactory = _ => 0 };
        var stack = new Option<bool>("--stack") { Description = "Also write the raw frames of acquisition 2 as scene-NNN/frames.tif (multi-page; frame offsets in the manifest). Slower: one noise draw per frame." };
        var command = new Command("synth", "Generate synthetic SEM wafer scenes and their F01/F01b/F02..F64 frame averages with ground truth (clean.tif, circles.json) and manifest.json.");
        foreach (var option in new Option[] { output, kind, preset, count, size, frames, seed, maxOffset, dose, readNoise, correlation, drift, driftJitter, defects, bitDepth, validation, test, stack })
        {
            command.Options.Add(option);
        }

        CliAction.Set(command, (parseResult, context) =>
        {
            var (width, height) = ParseSize(parseResult.GetValue(size)!);
            var frameList = ParseFrames(parseResult.GetValue(frames)!);
            var acquisition = new AcquisitionOptions(
                parseResult.GetValue(dose),
                parseResult.GetValue(readNoise) / 255,
                parseResult.GetValue(correlation),
                parseResult.GetValue(drift),
                parseResult.GetValue(driftJitter),
                parseResult.GetValue(maxOffset)).Validate();
            var directory = parseResult.GetValue(output)!;
            var plan = parseResult.GetValue(preset) == "renin"
                ? DatasetPlan.Renin(width, height, parseResult.GetValue(seed), frameList, acquisition, parseResult.GetValue(defects), parseResult.GetValue(bitDepth))
                : new DatasetPlan(
                    Requests(parseResult.GetValue(kind)!, parseResult.GetValue(count), parseResult.GetValue(validation), parseResult.GetValue(test)),
                    width, height, frameList, parseResult.GetValue(seed), acquisition, parseResult.GetValue(defects), parseResult.GetValue(bitDepth));
            plan = (plan with { Stack = parseResult.GetValue(stack) }).Validate();
            // Fail on a bad kind spec before writing anything.
            foreach (var request in plan.Scenes.DistinctBy(r => r.Kind))
            {
                SceneGeneratorRegistry.Create(request.Kind);
            }

            var clock = Stopwatch.StartNew();
            SynthesisManifest manifest;
            using (var bar = context.CreateProgressBar("synth"))
            {
                manifest = SyntheticDataset.Write(plan, directory, bar, context.Cancellation);
            }

            foreach (var scene in manifest.Scenes)
            {
                context.Output.WriteLine($"{scene.Name}: {scene.Kind} ({scene.Split}), {scene.Files.Count} files");
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {manifest.Scenes.Count} scene(s) of {width}x{height}, frames {string.Join(",", manifest.Frames)}, to {Path.Combine(directory, SynthesisManifest.FileName)} in {clock.Elapsed.TotalSeconds:0.0} s"));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height) || width < 16 || height < 16 || width > 32768 || height > 32768)
        {
            throw new CliUsageException($"--size must be WIDTHxHEIGHT with 16..32768 per side (for example 1024x768), got '{text}'.");
        }

        return (width, height);
    }

    internal static IReadOnlyList<int> ParseFrames(string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 4096)
            {
                throw new CliUsageException($"--frames must list frame counts 1..4096 separated by commas (for example 1,2,8,64), got '{part}' in '{text}'.");
            }

            counts.Add(n);
        }

        return counts.Count > 0 ? counts : throw new CliUsageException("--frames lists no frame count.");
    }

    private static List<DatasetSceneRequest> Requests(string kind, int count, int validation, int test)
    {
        if (count is < 1 or > 10000)
        {
            throw new CliUsageException($"--count must be in 1..10000, got {count}.");
        }

        if (validation < 0 || test < 0 || validation + test > count)
        {
            throw new CliUsageException($"--validation {validation} and --test {test} must be non-negative and together at most --count {count}.");
        }

        var requests = new List<DatasetSceneRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var split = i >= count - test ? "test" : i >= count - test - validation ? "validation" : "train";
            requests.Add(new DatasetSceneRequest(kind, split));
        }

        return requests;
    }
}
