using System.CommandLine;
using SemRestore.Cli.Commands;

namespace SemRestore.Cli;

/// <summary>Every top-level command, in the order <c>--help</c> lists them. Adding a command adds one line here.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return InfoCommand.Create();
        yield return ConvertCommand.Create();
        yield return RegisterCommand.Create();
        yield return AverageCommand.Create();
        yield return SynthCommand.Create();
        yield return NoiseCommand.Create();
        yield return DenoiseCommand.Create();
        yield return EvalCommand.Create();
        yield return CompareCommand.Create();
        yield return AnalyzeNoiseCommand.Create();
        yield return TrainCommand.Create();
        yield return ExperimentCommand.Create();
    }
}
