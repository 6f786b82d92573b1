using System.CommandLine;

namespace SemRestore.Cli;

/// <summary>Entry point of the <c>semrestore</c> command-line tool.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses and runs one command line, writing to the given streams (tests capture them).</summary>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("SemRestore: denoise, super-resolve and evaluate SEM and X-ray inspection images.");
        foreach (var command in CommandCatalog.Create())
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        // Checked before parse errors: with subcommands registered, an empty command line is a parse error ("Required command").
        if (args.Length == 0)
        {
            parseResult = root.Parse(["--help"]);
            parseResult.Invoke(configuration);
            return ExitCodes.Usage;
        }

        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"semrestore: {parseError.Message}");
            }

            error.WriteLine("Run 'semrestore --help' or 'semrestore COMMAND --help' for usage.");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(configuration);
    }
}
