using System.Globalization;
using System.Text;
using System.Text.Json;
using SemRestore.Classical;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Io;
using SemRestore.Metrics;
using SemRestore.Metrics.Circles;
using SemRestore.Training.Configuration;
using SemRestore.Training.Data;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SemRestore.Training.Experiments;

/// <summary>
/// Runs an <see cref="ExperimentConfig"/>: trains every run (skipping finished ones, resuming interrupted ones), then
/// scores every trained model and classical baseline on the test scenes as ReNIn does (input and reference min-max
/// normalised per image, outputs clipped to [0, 1], PSNR with data range 1, scikit-image default SSIM) and writes
/// <c>report.md</c> and <c>results.json</c>.
/// </summary>
public sealed class ExperimentRunner(ExperimentConfig config, TextWriter log)
{
    /// <summary>Trains and evaluates; returns every score.</summary>
    public IReadOnlyList<MethodScore> Run(IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var output = config.Resolve(config.Output);
        Directory.CreateDirectory(output);
        var models = new List<(string Name, string Directory)>();
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var run in config.Runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var training = BuildRunConfig(run, output);
            var directory = training.Resolve(training.Output);
            var cardPath = Path.Combine(directory, ModelCard.FileName);
            if (File.Exists(cardPath) && ModelCard.Load(cardPath) is { } done && done.StepsDone >= training.TotalIterations)
            {
                log.WriteLine($"{training.Name}: already trained ({done.StepsDone} steps), skipping");
            }
            else
            {
                var resume = Trainer.HasCheckpoint(directory);
                log.WriteLine($"{training.Name}: {(resume ? "resuming" : "training")} {training.Model} with {training.Scheme}, loss {training.Loss}, {training.TotalIterations} steps");
                var result = new Trainer(TrainingSetup.FromConfig(training, cancellationToken)).Run(resume, progress, cancellationToken);
                if (result.Cancelled)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            timings[training.Name!] = ModelCard.Load(cardPath).TrainingSeconds;
            models.Add((training.Name!, directory));
        }

        var scores = Evaluate(models, cancellationToken);
        WriteReport(output, scores, timings);
        return scores;
    }

    /// <summary>The training config of one run: defaults overlaid with the run's keys (nested mappings merged).</summary>
    public TrainingConfig BuildRunConfig(Dictionary<string, object> run, string experimentOutput)
    {
        ArgumentNullException.ThrowIfNull(run);
        var merged = Merge(config.Defaults, run);
        var name = merged["name"].ToString()!;
        merged["output"] = Path.Combine(experimentOutput, "runs", name);
        var yaml = new SerializerBuilder().Build().Serialize(merged);
        var training = TrainingConfig.Parse(yaml, $"{config.Name}: run {name}");
        training.BaseDirectory = config.BaseDirectory;
        training.Validate();
        return training;
    }

    private List<MethodScore> Evaluate(List<(string Name, string Directory)> models, CancellationToken cancellationToken)
    {
        var data = BuildRunConfig(new Dictionary<string, object> { ["name"] = "evaluation" }, config.Resolve(config.Output)).Data;
        var dataset = DatasetFactory.Build(data, config.BaseDirectory, config.Resolve(config.Output), cancellationToken);
        var split = Enum.Parse<DatasetSplit>(config.Evaluation.Split, ignoreCase: true);
        var scenes = dataset.ScenesIn(split);
        if (scenes.Count == 0)
        {
            throw new InvalidInputException($"The experiment's data have no {config.Evaluation.Split} scenes to evaluate on.");
        }

        var methods = new List<(string Name, string Input, IDenoiser? Denoiser, bool Normalized)>();
        foreach (var baseline in config.Baselines)
        {
            methods.Add((baseline.Name, baseline.Input, baseline.Method == "none" ? null : DenoiserRegistry.Create(baseline.Method), false));
        }

        foreach (var (name, directory) in models)
        {
            methods.Add((name, config.Evaluation.Input,
                Restorer.Load(directory, new RestorerOptions(config.Evaluation.TileSize, Clip: true, OutputNormalized: true)), true));
        }

        var scores = new List<MethodScore>();
        foreach (var index in scenes)
        {
            var scene = dataset.Scenes[index];
            var reference = Normalized(dataset.GetFrame(index, config.Evaluation.Reference));
            var truth = CirclesInCrop(scene, dataset.AlignmentOf(index));
            foreach (var (name, input, denoiser, normalizedOutput) in methods)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var noisy = dataset.GetFrame(index, input);
                GrayImage result;
                if (denoiser is null)
                {
                    result = Normalized(noisy);
                }
                else if (normalizedOutput)
                {
                    result = denoiser.Denoise(noisy, cancellationToken);
                }
                else
                {
                    // Baselines see the same per-image normalised input as the networks.
                    result = denoiser.Denoise(Normalized(noisy), cancellationToken);
                    System.Numerics.Tensors.TensorPrimitives.Clamp(result.Pixels, 0f, 1f, result.Pixels);
                }

                double? failure = truth is null
                    ? null
                    : FailureRate.Compute(HoughCircleDetector.Detect(result, CircleDetectorOptions.ForGroundTruth(truth), cancellationToken), truth).Percent;
                var score = new MethodScore(name, scene.Name, scene.Kind,
                    PsnrMetric.Compute(result, reference, 1.0), SsimMetric.Compute(result, reference, SsimOptions.SkimageDefault(1.0), cancellationToken), failure);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} on {scene.Name} ({scene.Kind}): PSNR {score.Psnr:F2} dB, SSIM {score.Ssim:F4}, FR {(failure is null ? "-" : $"{failure:F1} %")}"));
                scores.Add(score);
            }
        }

        return scores;
    }

    // Ground truth is in clean-image coordinates; the evaluated crop starts at the alignment's (Left, Top) of the
    // reference (clean). Holes that the crop cuts are dropped.
    private static List<Circle>? CirclesInCrop(SceneSource scene, SceneAlignment alignment)
    {
        if (scene.CirclesPath is null || !File.Exists(scene.CirclesPath) || alignment.Reference != FrameKeys.Clean)
        {
            return null;
        }

        return CircleFile.Load(scene.CirclesPath)
            .Select(c => c.Offset(alignment.Left, alignment.Top))
            .Where(c => c.X - c.Radius >= 0 && c.Y - c.Radius >= 0 && c.X + c.Radius < alignment.Width && c.Y + c.Radius < alignment.Height)
            .ToList();
    }

    private static GrayImage Normalized(GrayImage image)
    {
        var copy = image.Clone();
        NormalizationOptions.MinMax.Normalize(copy.Pixels);
        return copy;
    }

    private void WriteReport(string output, List<MethodScore> scores, Dictionary<string, double> timings)
    {
        var c = CultureInfo.InvariantCulture;
        var scenes = scores.Select(s => (s.Scene, s.Kind)).Distinct().ToList();
        var methods = scores.Select(s => s.Method).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendLine(c, $"# Experiment {config.Name}").AppendLine();
        text.AppendLine(c, $"Test split `{config.Evaluation.Split}`, reference `{config.Evaluation.Reference}`; input and reference min-max normalised per image, outputs clipped to [0, 1]; PSNR with data range 1; SSIM = scikit-image default (7x7 uniform window, sample covariance); FR = percent of ground-truth holes the Hough circle detector (SemRestore.Metrics, radii from the ground truth) does not find.").AppendLine();
        text.Append("| method |");
        foreach (var (scene, kind) in scenes)
        {
            text.Append(c, $" {scene} ({kind}) PSNR / SSIM / FR |");
        }

        text.AppendLine(" regular avg | irregular avg | all avg | train s |");
        text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---|", scenes.Count + 4))).AppendLine();
        foreach (var method in methods)
        {
            var rows = scores.Where(s => s.Method == method).ToList();
            text.Append(c, $"| {method} |");
            foreach (var (scene, _) in scenes)
            {
                var s = rows.Single(r => r.Scene == scene);
                text.Append(c, $" {s.Psnr:F2} / {s.Ssim:F4} / {(s.FailureRate is { } f ? $"{f:F1} %" : "-")} |");
            }

            text.Append(Average(rows.Where(r => IsRegular(r.Kind)))).Append(Average(rows.Where(r => !IsRegular(r.Kind)))).Append(Average(rows));
            text.AppendLine(timings.TryGetValue(method, out var seconds) ? string.Create(c, $" {seconds:F0} |") : " - |");
        }

        text.AppendLine().AppendLine("Regular = scene kind `holes` (the kind the networks were trained on); irregular = every other kind.");
        AtomicFile.WriteAllText(Path.Combine(output, "report.md"), text.ToString());
        AtomicFile.WriteAllText(Path.Combine(output, "results.json"), JsonSerializer.Serialize(scores, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static bool IsRegular(string? kind) => kind is null or "holes";

    private static string Average(IEnumerable<MethodScore> scores)
    {
        var list = scores.ToList();
        if (list.Count == 0)
        {
            return " - |";
        }

        var rates = list.Where(s => s.FailureRate is not null).Select(s => s.FailureRate!.Value).ToList();
        var rate = rates.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{rates.Average():F1} %");
        return string.Create(CultureInfo.InvariantCulture, $" {list.Average(s => s.Psnr):F2} / {list.Average(s => s.Ssim):F4} / {rate} |");
    }

    // Run keys override defaults; mappings under the same key (data:, validation:) are merged one level deep.
    private static Dictionary<object, object> Merge(Dictionary<string, object> defaults, Dictionary<string, object> run)
    {
        var merged = new Dictionary<object, object>();
        foreach (var (key, value) in defaults)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in run)
        {
            if (merged.TryGetValue(key, out var existing) && existing is Dictionary<object, object> a && value is Dictionary<object, object> b)
            {
                var inner = new Dictionary<object, object>(a);
                foreach (var (k, v) in b)
                {
                    inner[k] = v;
                }

                merged[key] = inner;
            }
            else
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
