using System.CommandLine;

namespace SemRestore.Cli;

/// <summary>Every top-level command, in the order <c>--help</c> lists them. Adding a command adds one line here.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return Commands.InfoCommand.Create();
        yield return Commands.ConvertCommand.Create();
        yield return Commands.DenoiseCommand.Create();
        yield return Commands.TrainCommand.Create();
        yield return Commands.ExperimentCommand.Create();
    }
}
