using System.CommandLine;
using SemRestore.Training.Experiments;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore experiment CONFIG.yaml</c>: trains every run of an experiment (finished runs are skipped, interrupted
/// ones resumed), scores them and the classical baselines on the test scenes, and writes report.md and results.json.
/// </summary>
public static class ExperimentCommand
{
    public static Command Create()
    {
        var config = new Argument<string>("CONFIG") { Description = "Experiment config (YAML; for example configs/experiments/renin-synthetic.yaml)." };
        var command = new Command("experiment", "Run a grid of trainings and evaluations from one YAML file; results in one report.");
        command.Arguments.Add(config);
        CliAction.Set(command, (parseResult, context) =>
        {
            var experiment = ExperimentConfig.Load(parseResult.GetValue(config)!);
            using (var bar = context.CreateProgressBar("experiment"))
            {
                new ExperimentRunner(experiment, context.Error).Run(bar, context.Cancellation);
            }

            context.Output.WriteLine($"report: {Path.Combine(experiment.Resolve(experiment.Output), "report.md")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
