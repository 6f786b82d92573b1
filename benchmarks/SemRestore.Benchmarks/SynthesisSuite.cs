using System.Diagnostics;
using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Datasets;
using SemRestore.Synthesis.Noise;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Benchmarks;

/// <summary>
/// <c>./benchmarks/run.sh synthesis</c>: the ReNIn preset at 1024x768 written to disk (the budget is 60 s on
/// the 2-core machine), plus its parts: rendering one holes scene, one SEM frame of noise, and acquiring one scene
/// (F01, F01b, F02 ... F64). No peer: nothing comparable exists outside SemRestore.
/// Options: --width/--height (default 1024x768), --preset-runs N (default 1).
/// </summary>
public static class SynthesisSuite
{
    public static int Run(string[] args)
    {
        var arguments = SuiteArguments.Parse(args);
        var width = int.Parse(arguments.Options.GetValueOrDefault("width", "1024"), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(arguments.Options.GetValueOrDefault("height", "768"), System.Globalization.CultureInfo.InvariantCulture);
        var presetRuns = int.Parse(arguments.Options.GetValueOrDefault("preset-runs", "1"), System.Globalization.CultureInfo.InvariantCulture);
        var harness = new BenchmarkHarness("synthesis");
        var megapixels = width * height / 1e6;

        var generator = SceneGeneratorRegistry.Create("holes");
        var simulator = new AcquisitionSimulator();
        var margin = simulator.RequiredMargin(64);
        harness.Measure($"render holes {width}x{height}", () => generator.Render(width, height, margin, 7),
            extraFromMs: ms => new() { ["ms_per_megapixel"] = ms / megapixels });
        var scene = generator.Render(width, height, margin, 7);
        var clean = scene.Clean();
        var frameNoise = NoiseModelRegistry.Create("sem");
        harness.Measure($"sem frame noise {width}x{height}", () => frameNoise.Apply(clean, 3),
            extraFromMs: ms => new() { ["ns_per_pixel"] = ms * 1e6 / (width * height) });
        harness.Measure($"acquire F01..F64 {width}x{height}", () => simulator.Acquire(scene, DatasetPlan.DefaultFrames, 5),
            extraFromMs: ms => new() { ["frames_per_s"] = 65 / (ms / 1000) });

        // The whole preset, written as the CLI writes it; warmed up on a tiny preset so JIT time is not counted.
        var directory = Path.Combine(arguments.WorkDirectory, "renin");
        SyntheticDataset.Write(DatasetPlan.Renin(128, 96), Path.Combine(arguments.WorkDirectory, "renin-warmup"));
        var times = new List<double>();
        for (var run = 0; run < presetRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            var manifest = SyntheticDataset.Write(DatasetPlan.Renin(width, height), directory);
            times.Add(clock.Elapsed.TotalMilliseconds);
            Console.Error.WriteLine($"synthesis: renin preset {width}x{height}: {manifest.Scenes.Count} scenes in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        times.Sort();
        var median = times[times.Count / 2];
        harness.Add(new BenchmarkRow
        {
            Name = $"renin preset {width}x{height} (9 scenes x 65 frames, written)",
            SemRestoreMs = Math.Round(median, 1),
            PeakRssMb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1),
            Extra = new() { ["seconds"] = median / 1000, ["runs"] = times.Count, ["budget_s"] = 60 },
        });
        return harness.Finish(arguments.ResultsDirectory);
    }
}
