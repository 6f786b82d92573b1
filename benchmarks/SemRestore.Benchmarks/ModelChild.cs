using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Models;
using SemRestore.Tensors.Kernels;
using SemRestore.Training;
using SemRestore.Training.Data;

namespace SemRestore.Benchmarks;

/// <summary>
/// <c>model-child --task restore|train --model SPEC --threads N ...</c>: one measurement of a network in a process of its
/// own, printing the peer protocol's JSON line, so that each run starts cold (as a CLI run does) and its peak RSS is its
/// own and not the suite's. <c>restore</c> (<c>--width W --height H --tile T</c>): one tiled restore of a
/// random W x H image. <c>train</c> (<c>--batch B --crop S</c>): the median of 3 optimisation steps (forward, MSE,
/// backward, Adam) after 3 warm-up steps, as the PyTorch peer does. Untrained weights: speed and memory do not depend on them.
/// </summary>
public static class ModelChild
{
    /// <summary>Training steps before timing and timed steps (their median is reported); the PyTorch peer
    /// (benchmarks/peers/training.py) uses the same counts.</summary>
    private const int WarmUpSteps = 3;

    private const int TimedSteps = 3;

    public static int Run(string[] args)
    {
        var options = SuiteArguments.Parse(args).Options;
        int Int(string key, int fallback) => int.Parse(options.GetValueOrDefault(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var spec = options.GetValueOrDefault("model", "unet");
        var task = options.GetValueOrDefault("task", "restore");
        ComputeKernels.Current = new CpuKernels(Int("threads", Environment.ProcessorCount));
        var model = ModelRegistry.Create(spec, 1);
        var ms = task switch
        {
            "restore" => Restore(model, Int("width", 3072), Int("height", 2048), Int("tile", 512)),
            "train" => Train(model, Int("batch", 4), Int("crop", 128)),
            _ => throw new ArgumentException($"model-child: unknown task '{task}'; known: restore, train"),
        };
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ms"] = ms,
            ["peak_rss_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            ["model"] = model.Spec,
            ["task"] = task,
        }));
        return 0;
    }

    private static double Restore(BuiltModel model, int width, int height, int tile)
    {
        var pixels = new float[width * height];
        var random = new Random(7);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.NextSingle();
        }

        var image = new GrayImage(width, height, pixels, 16);
        var restorer = new Restorer(model, NormalizationOptions.MinMax, new RestorerOptions(tile));
        var clock = Stopwatch.StartNew();
        var restored = restorer.Denoise(image);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (restored.Width != width || !float.IsFinite(restored.Pixels[0]))
        {
            throw new InvalidOperationException($"model-child: {model.Spec} returned a wrong image");
        }

        return ms;
    }

    /// <summary>Median of <see cref="TimedSteps"/> steps after <see cref="WarmUpSteps"/>: the steady state a training run spends its hours in.</summary>
    private static double Train(BuiltModel model, int batch, int crop)
    {
        var step = EngineSuite.TrainingStep(model.Module, batch, crop);
        for (var i = 0; i < WarmUpSteps; i++)
        {
            step();
        }

        var times = new double[TimedSteps];
        for (var i = 0; i < TimedSteps; i++)
        {
            var clock = Stopwatch.StartNew();
            step();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[TimedSteps / 2];
    }
}
