using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Metrics;
using SemRestore.Tensors;
using SemRestore.Tensors.Optim;
using SemRestore.Tensors.Safetensors;
using Tensor = SemRestore.Tensors.Tensor;

namespace SemRestore.Training;

/// <summary>
/// Fits a network with a loss on the batches a scheme builds. Checkpoints (weights, optimiser state, step and
/// sampling position) are written atomically into <c>checkpoint/</c>; a resumed run continues bit for bit,
/// because every batch is a function of (seed, step) and every tensor of the state is saved exactly.
/// Validation scores PSNR/SSIM (scikit-image default SSIM, data range 1) against the reference and keeps the
/// best weights; at the end <c>model.safetensors</c> holds the best-PSNR weights (else the last) with
/// <c>model.json</c>, the model card.
/// </summary>
public sealed class Trainer
{
    public const string CheckpointFolder = "checkpoint";
    public const string BestWeightsFile = "best.safetensors";
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };
    private readonly TrainerSettings _settings;

    public Trainer(TrainerSettings settings) => _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>Whether <paramref name="directory"/> holds a checkpoint to resume.</summary>
    public static bool HasCheckpoint(string directory) =>
        File.Exists(Path.Combine(directory, CheckpointFolder, "state.json")) ||
        File.Exists(Path.Combine(directory, CheckpointFolder + ".old", "state.json"));

    /// <summary>Trains (or continues with <paramref name="resume"/>) until the last iteration or cancellation.</summary>
    /// <exception cref="InvalidInputException">A fresh run would overwrite a checkpoint, or resume finds none or a different recipe.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a gradient became NaN/Inf (the last good checkpoint is kept).</exception>
    public TrainingResult Run(bool resume = false, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var s = _settings;
        var directory = Path.GetFullPath(s.OutputDirectory);
        Directory.CreateDirectory(directory);
        var module = s.Model.Module;
        module.Train();
        var (optimizer, baseLearningRate) = OptimizerFactory.Create(s.Optimizer, module.Parameters());
        var schedule = OptimizerFactory.CreateSchedule(s.Schedule, s.Iterations);
        var state = NewState();
        if (resume)
        {
            state = LoadCheckpoint(directory, optimizer) ?? throw new InvalidInputException(
                $"'{directory}' holds no checkpoint to resume; run without --resume to start.");
        }
        else if (HasCheckpoint(directory))
        {
            throw new InvalidInputException(
                $"'{directory}' already holds a checkpoint; pass --resume to continue it, or choose another output folder.");
        }

        var log = new TrainingLog(directory, resume ? state.Step : null);
        var restorer = new Restorer(s.Model, s.Normalization, new RestorerOptions(Clip: false));
        var clock = Stopwatch.StartNew();
        var intervalClock = Stopwatch.StartNew();
        var intervalSteps = 0;
        var lastLoss = state.LastLoss;

        // Ctrl+C must leave a checkpoint within the CLI's short termination grace, whatever a step costs: the token's
        // callback saves the last completed step at once. Parameters change only inside the gate (optimiser step and
        // bookkeeping), so the callback always sees a consistent state; the interrupted step is abandoned.
        var gate = new Lock();
        var completed = state.Step;
        var stopped = false;
        void SaveStopped()
        {
            state = state with { Step = completed, NextSample = completed * s.BatchSize, LastLoss = lastLoss, ElapsedSeconds = state.ElapsedSeconds + clock.Elapsed.TotalSeconds };
            clock.Restart();
            SaveCheckpoint(directory, optimizer, state);
            WriteModel(directory, state);
            stopped = true;
        }

        using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                if (!stopped)
                {
                    SaveStopped();
                }
            }
        });
        for (var step = state.Step; step < s.Iterations; step++)
        {
            schedule.Apply(optimizer, baseLearningRate);
            var value = cancellationToken.IsCancellationRequested ? double.NaN : ComputeGradients(step, optimizer, state, directory);
            lock (gate)
            {
                if (stopped || cancellationToken.IsCancellationRequested)
                {
                    if (!stopped)
                    {
                        SaveStopped();
                    }

                    return new TrainingResult(completed, false, true, lastLoss, state.BestPsnr, directory);
                }

                optimizer.Step();
                lastLoss = value;
                completed = step + 1;
                intervalSteps++;
                AfterStep(completed);
            }
        }

        void AfterStep(long done)
        {
            double? psnr = null, ssim = null;
            if (s.ValidateEvery > 0 && s.Validation.Count > 0 && (done % s.ValidateEvery == 0 || done == s.Iterations))
            {
                (psnr, ssim) = Validate(restorer);
                state = state with { LastPsnr = psnr, LastSsim = ssim };
                if (state.BestPsnr is null || psnr > state.BestPsnr)
                {
                    state = state with { BestPsnr = psnr, BestSsim = ssim, BestStep = done };
                    SafetensorsFile.Save(Path.Combine(directory, BestWeightsFile), module.StateDict());
                }
            }

            var checkpointDue = (s.CheckpointEvery > 0 && done % s.CheckpointEvery == 0) || psnr is not null || done == s.Iterations;
            if (checkpointDue)
            {
                state = state with { Step = done, NextSample = done * s.BatchSize, LastLoss = lastLoss, ElapsedSeconds = state.ElapsedSeconds + clock.Elapsed.TotalSeconds };
                clock.Restart();
                SaveCheckpoint(directory, optimizer, state);
            }

            if (done % s.LogEvery == 0 || psnr is not null || done == s.Iterations)
            {
                var seconds = intervalClock.Elapsed.TotalSeconds;
                var speed = seconds > 0 ? intervalSteps * s.BatchSize / seconds : 0;
                var elapsed = state.ElapsedSeconds + clock.Elapsed.TotalSeconds;
                log.Append(done, lastLoss, optimizer.LearningRate, speed, elapsed, psnr, ssim);
                var eta = speed > 0 ? TimeSpan.FromSeconds((s.Iterations - done) * s.BatchSize / speed) : TimeSpan.Zero;
                intervalClock.Restart();
                intervalSteps = 0;
                progress?.Report(new ProgressReport(done, s.Iterations, string.Create(CultureInfo.InvariantCulture,
                    $"loss {lastLoss:G4} | {speed:F1} patches/s | ETA {eta:hh\\:mm\\:ss}{(psnr is null ? "" : $" | val PSNR {psnr:F2} dB")}")));
            }
        }

        WriteModel(directory, state);
        return new TrainingResult(state.Step, true, false, lastLoss, state.BestPsnr, directory);
    }

    private TrainingCheckpointState NewState() => new()
    {
        Seed = _settings.Sampler.Options.Seed,
        Iterations = _settings.Iterations,
        BatchSize = _settings.BatchSize,
        Model = _settings.Model.Spec,
        Optimizer = _settings.Optimizer,
        Schedule = _settings.Schedule,
    };

    private double ComputeGradients(long step, Optimizer optimizer, TrainingCheckpointState state, string directory)
    {
        var s = _settings;
        var batch = s.Sampler.NextBatch(step, s.BatchSize);
        using var scope = new TensorScope();
        optimizer.ZeroGrad();
        var input = Tensor.FromArray(batch.Input, batch.Shape);
        var target = Tensor.FromArray(batch.Target, batch.Shape);
        var mask = batch.IsMasked ? Tensor.FromArray(batch.Mask, batch.Shape) : null;
        var prediction = s.Model.Module.Forward(input);
        var loss = s.Loss.Compute(prediction, target, mask);
        var value = loss.Item();
        if (!float.IsFinite(value))
        {
            throw Diverged(step, $"the loss is {value}", state, directory);
        }

        loss.Backward();
        foreach (var parameter in optimizer.Parameters)
        {
            if (parameter.Grad is { } grad && !float.IsFinite(TensorPrimitives.Sum(grad.Data)))
            {
                throw Diverged(step, "a gradient is not finite", state, directory);
            }
        }

        if (s.ClipGradNorm > 0)
        {
            GradientClipping.ClipGradNorm(optimizer.Parameters, s.ClipGradNorm);
        }

        return value;
    }

    private static TrainingDivergedException Diverged(long step, string what, TrainingCheckpointState state, string directory) =>
        new($"Training diverged at step {step + 1}: {what}. The last good checkpoint (step {state.Step}) is kept in " +
            $"'{Path.Combine(directory, CheckpointFolder)}'; lower the learning rate or set clip_grad_norm, then resume with --resume.");

    private (double Psnr, double Ssim) Validate(Restorer restorer)
    {
        double psnr = 0, ssim = 0;
        foreach (var image in _settings.Validation)
        {
            var predicted = restorer.PredictNormalized(image.Input, image.Width, image.Height);
            TensorPrimitives.Clamp(predicted, 0f, 1f, predicted);
            var output = new GrayImage(image.Width, image.Height, predicted);
            var reference = new GrayImage(image.Width, image.Height, image.Reference);
            psnr += PsnrMetric.Compute(output, reference, 1.0);
            ssim += SsimMetric.Compute(output, reference, SsimOptions.SkimageDefault(1.0));
        }

        return (psnr / _settings.Validation.Count, ssim / _settings.Validation.Count);
    }

    // checkpoint/ is replaced as a whole: written to a temp folder, the old one moved aside, the new one moved in.
    private void SaveCheckpoint(string directory, Optimizer optimizer, TrainingCheckpointState state)
    {
        var final = Path.Combine(directory, CheckpointFolder);
        var temp = Path.Combine(directory, $".{CheckpointFolder}.{Guid.NewGuid():N}.tmp");
        var old = final + ".old";
        Directory.CreateDirectory(temp);
        Checkpoint.SaveModule(Path.Combine(temp, "model.safetensors"), _settings.Model.Module);
        Checkpoint.SaveOptimizer(Path.Combine(temp, "optimizer.safetensors"), optimizer);
        AtomicFile.WriteAllText(Path.Combine(temp, "state.json"), JsonSerializer.Serialize(state, s_json));
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(final))
        {
            Directory.Move(final, old);
        }

        Directory.Move(temp, final);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private TrainingCheckpointState? LoadCheckpoint(string directory, Optimizer optimizer)
    {
        var folder = Path.Combine(directory, CheckpointFolder);
        if (!File.Exists(Path.Combine(folder, "state.json")))
        {
            // A crash between the two moves of SaveCheckpoint leaves only the previous checkpoint.
            folder += ".old";
            if (!File.Exists(Path.Combine(folder, "state.json")))
            {
                return null;
            }
        }

        var state = JsonSerializer.Deserialize<TrainingCheckpointState>(File.ReadAllText(Path.Combine(folder, "state.json")))
            ?? throw new InvalidInputException($"'{folder}/state.json' is empty.");
        var s = _settings;
        if (state.Model != s.Model.Spec || state.Optimizer != s.Optimizer || state.Schedule != s.Schedule ||
            state.BatchSize != s.BatchSize || state.Seed != s.Sampler.Options.Seed || state.Iterations != s.Iterations)
        {
            throw new InvalidInputException(
                $"The checkpoint in '{folder}' was made with another recipe (model {state.Model}, optimizer {state.Optimizer}, schedule {state.Schedule}, " +
                $"batch {state.BatchSize}, seed {state.Seed}, iterations {state.Iterations}); resume needs the same config.");
        }

        Checkpoint.LoadModule(Path.Combine(folder, "model.safetensors"), s.Model.Module);
        Checkpoint.LoadOptimizer(Path.Combine(folder, "optimizer.safetensors"), optimizer);
        return state;
    }

    private void WriteModel(string directory, TrainingCheckpointState state)
    {
        var weights = Path.Combine(directory, ModelCard.WeightsFileName);
        var best = Path.Combine(directory, BestWeightsFile);
        var useBest = state.BestStep is not null && File.Exists(best);
        if (useBest)
        {
            File.Copy(best, weights + ".tmp", overwrite: true);
            File.Move(weights + ".tmp", weights, overwrite: true);
        }
        else
        {
            Checkpoint.SaveModule(weights, _settings.Model.Module);
        }

        var card = _settings.CardTemplate with
        {
            Model = _settings.Model.Spec,
            Parameters = _settings.Model.ParameterCount,
            SizeMultiple = _settings.Model.SizeMultiple,
            Halo = _settings.Model.Halo,
            Normalization = _settings.Normalization.ToString(),
            Scheme = _settings.Scheme.Description,
            Loss = _settings.Loss.Description,
            Optimizer = _settings.Optimizer,
            Schedule = _settings.Schedule,
            Seed = state.Seed,
            Iterations = _settings.Iterations,
            StepsDone = state.Step,
            BatchSize = _settings.BatchSize,
            PatchSize = _settings.Sampler.Options.PatchSize,
            WeightsStep = useBest ? state.BestStep!.Value : state.Step,
            WeightsChoice = useBest ? "best-validation-psnr" : "last",
            BestValidationPsnr = state.BestPsnr,
            BestValidationSsim = state.BestSsim,
            BestValidationStep = state.BestStep,
            LastValidationPsnr = state.LastPsnr,
            LastValidationSsim = state.LastSsim,
            FinalLoss = state.LastLoss,
            TrainingSeconds = Math.Round(state.ElapsedSeconds, 1),
            CreatedUtc = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        card.Save(Path.Combine(directory, ModelCard.FileName));
    }
}
