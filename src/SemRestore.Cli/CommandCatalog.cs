using System.CommandLine;
using SemRestore.Cli.Commands;

namespace SemRestore.Cli;

/// <summary>Every top-level command, in the order <c>--help</c> lists them. Adding a command adds one line here.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return Commands.InfoCommand.Create();
        yield return Commands.ConvertCommand.Create();
        yield return Commands.RegisterCommand.Create();
        yield return Commands.AverageCommand.Create();
        yield return CompareCommand.Create();
        yield return AnalyzeNoiseCommand.Create();
        yield return EvalCommand.Create();
        yield return Commands.DenoiseCommand.Create();
    }
}
