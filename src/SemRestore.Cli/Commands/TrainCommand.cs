using System.CommandLine;
using SemRestore.Training;
using SemRestore.Training.Configuration;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore train CONFIG.yaml [--resume]</c>: trains a network as the YAML config says, writing checkpoints, logs,
/// <c>model.safetensors</c> and the model card <c>model.json</c> into the config's output folder. Ctrl+C saves a
/// checkpoint and exits with 130; <c>--resume</c> continues it bit for bit.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var config = new Argument<string>("CONFIG") { Description = "Training config (YAML; see configs/ and the README)." };
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint in the output folder (same config)." };
        var output = new Option<string?>("--output", "-o") { Description = "Override the config's output folder." };
        var iterations = new Option<int?>("--iterations") { Description = "Override the config's iterations (a new run only)." };
        var command = new Command("train", "Train a denoising network from a YAML config (scheme, model, loss, data).");
        command.Arguments.Add(config);
        command.Options.Add(resume);
        command.Options.Add(output);
        command.Options.Add(iterations);
        CliAction.Set(command, (parseResult, context) =>
        {
            var training = TrainingConfig.Load(parseResult.GetValue(config)!);
            if (parseResult.GetValue(output) is { } folder)
            {
                training.Output = Path.GetFullPath(folder);
            }

            if (parseResult.GetValue(iterations) is { } count)
            {
                training.Iterations = count;
                training.Validate();
            }

            var settings = TrainingSetup.FromConfig(training, context.Cancellation);
            context.Error.WriteLine(
                $"training {settings.Model.Spec} ({settings.Model.ParameterCount:N0} parameters), scheme {settings.Scheme.Description}, " +
                $"loss {settings.Loss.Description}, {settings.Iterations} steps of {settings.BatchSize} x {settings.Sampler.Options.PatchSize}^2, " +
                $"{settings.Validation.Count} validation image(s) -> {settings.OutputDirectory}");
            TrainingResult result;
            try
            {
                using var bar = context.CreateProgressBar("train");
                result = new Trainer(settings).Run(parseResult.GetValue(resume), bar, context.Cancellation);
            }
            catch (TrainingDivergedException e)
            {
                context.Error.WriteLine($"semrestore train: {e.Message}");
                return ExitCodes.Failure;
            }

            if (result.Cancelled)
            {
                context.Error.WriteLine($"semrestore train: stopped at step {result.StepsDone}; checkpoint saved in {result.OutputDirectory}; continue with --resume.");
                return ExitCodes.Cancelled;
            }

            var best = result.BestValidationPsnr is { } psnr ? $", best validation PSNR {psnr:F2} dB" : "";
            context.Output.WriteLine($"trained {result.StepsDone} steps, last loss {result.LastLoss:G4}{best}; model in {result.OutputDirectory}");
            return ExitCodes.Success;
        });
        return command;
    }
}
