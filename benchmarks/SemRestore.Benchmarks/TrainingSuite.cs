using System.Globalization;
using SemRestore.Models;

namespace SemRestore.Benchmarks;

/// <summary>
/// The <c>training</c> suite: for each registered model (default unet, fbinet, dncnn at their default sizes),
/// training throughput and full-size restore against PyTorch CPU running the same architecture
/// (benchmarks/peers/training.py; tcmalloc and thread count as in the engine suite).
/// Rows <c>train-MODEL-bB-S</c>: one optimisation step (forward, MSE, backward, Adam) on a batch of B random
/// S x S patches (median of 3 after 3 warm-up steps), extra <c>patches_per_s</c> for both sides. Rows <c>restore-MODEL-WxH</c>: a
/// tiled restore of one W x H image (the Restorer's default 512-px tiles and the model's halo; PyTorch runs the
/// identical tiling). Every run is a fresh process on both sides (<see cref="ModelChild"/>), so restores include a cold
/// start as a CLI user sees it and each row's peak RSS is its own.
/// </summary>
/// <remarks>
/// Options: <c>--models a,b</c>, <c>--threads N</c> (default all cores), <c>--batch B</c> (4), <c>--crop S</c> (128),
/// <c>--width W --height H</c> (3072 x 2048), <c>--train-runs R</c> (5), <c>--restore-runs R</c> (3: each full-size run
/// takes up to a minute and a half a side), <c>--only train|restore</c>, <c>--quick true</c> (64-px crops, batch 2, 768 x 512, one restore run),
/// <c>--peer false</c>. PyTorch's FBI-Net masks its kernels by multiplying (as ReNIn's code does), so it computes
/// the masked-out taps that SemRestore skips.
/// </remarks>
public static class TrainingSuite
{
    public static int Run(string[] args)
    {
        var arguments = SuiteArguments.Parse(args);
        var options = arguments.Options;
        var quick = options.GetValueOrDefault("quick", "false") == "true";
        int Option(string key, int normal, int quickValue) =>
            int.Parse(options.GetValueOrDefault(key, (quick ? quickValue : normal).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var threads = Option("threads", Environment.ProcessorCount, Environment.ProcessorCount);
        var batch = Option("batch", 4, 2);
        var crop = Option("crop", 128, 64);
        var width = Option("width", 3072, 768);
        var height = Option("height", 2048, 512);
        var restoreRuns = Option("restore-runs", 3, 1);
        var trainRuns = Option("train-runs", 5, 1);
        var models = options.GetValueOrDefault("models", "unet,fbinet,dncnn").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var only = options.GetValueOrDefault("only", "train,restore").Split(',');
        var script = SuiteArguments.PeerScript("training");
        var hasPeer = PeerProcess.IsAvailable(script) && options.GetValueOrDefault("peer", "true") != "false";
        var harness = new BenchmarkHarness("training");
        var t = threads.ToString(CultureInfo.InvariantCulture);

        // Both sides run every measurement in a fresh process (this program started again as model-child): the time
        // includes a cold start as a CLI user sees it, and each row's peak RSS is its own.
        var self = Environment.ProcessPath ?? "dotnet";
        var entry = typeof(TrainingSuite).Assembly.Location;
        string S(int value) => value.ToString(CultureInfo.InvariantCulture);
        if (only.Contains("train"))
        {
            foreach (var spec in models)
            {
                var model = ModelRegistry.Create(spec, 1);
                string[] ours = [entry, "model-child", "--task", "train", "--model", spec, "--batch", S(batch), "--crop", S(crop), "--threads", t];
                var row = harness.MeasureProcesses($"train-{spec}-b{batch}-{crop}", () => PeerProcess.TimeCommand(self, ours),
                    hasPeer ? "pytorch" : null, hasPeer ? () => PeerProcess.Time(script, "train", spec, t, S(batch), S(crop)) : null, trainRuns,
                    ms => new Dictionary<string, double>
                    {
                        ["patches_per_s"] = Math.Round(batch * 1000 / ms, 2),
                        ["parameters"] = model.ParameterCount,
                        ["threads"] = threads,
                    });
                if (row.PeerMs is { } peerMs)
                {
                    row.Extra["peer_patches_per_s"] = Math.Round(batch * 1000 / peerMs, 2);
                }
            }
        }

        if (only.Contains("restore"))
        {
            const int tile = 512;
            foreach (var spec in models)
            {
                var model = ModelRegistry.Create(spec, 1);
                var halo = (model.Halo + model.SizeMultiple - 1) / model.SizeMultiple * model.SizeMultiple;
                string[] ours = [entry, "model-child", "--task", "restore", "--model", spec, "--width", S(width), "--height", S(height),
                    "--tile", S(tile), "--threads", t];
                string[] peer = ["restore", spec, t, S(height), S(width), S(tile), S(halo)];
                var megapixels = width * (double)height / 1e6;
                var row = harness.MeasureProcesses($"restore-{spec}-{width}x{height}", () => PeerProcess.TimeCommand(self, ours),
                    hasPeer ? "pytorch" : null, hasPeer ? () => PeerProcess.Time(script, peer) : null, restoreRuns,
                    ms => new Dictionary<string, double>
                    {
                        ["seconds"] = Math.Round(ms / 1000, 2),
                        ["megapixels_per_s"] = Math.Round(megapixels * 1000 / ms, 3),
                        ["tile"] = tile,
                        ["halo"] = halo,
                        ["threads"] = threads,
                    });
                if (row.PeerMs is { } peerMs)
                {
                    row.Extra["peer_seconds"] = Math.Round(peerMs / 1000, 2);
                }
            }
        }

        return harness.Finish(arguments.ResultsDirectory);
    }
}
