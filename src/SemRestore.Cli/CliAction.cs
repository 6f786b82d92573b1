using System.CommandLine;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;

namespace SemRestore.Cli;

/// <summary>
/// Wraps a command body so that every command maps failures to the same exit codes and prints a
/// one-line message instead of a stack trace: bad input file 3, usage 2, cancelled 130, other 1.
/// </summary>
public static class CliAction
{
    /// <summary>Sets <paramref name="body"/> as the command's action.</summary>
    public static void Set(Command command, Func<ParseResult, CommandContext, int> body)
    {
        command.SetAction((parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var context = new CommandContext(configuration.Output, configuration.Error, cancellationToken);
            return Task.FromResult(Execute(command.Name, () => body(parseResult, context), context.Error));
        });
    }

    /// <summary>Runs <paramref name="body"/> and translates exceptions into exit codes.</summary>
    public static int Execute(string commandName, Func<int> body, TextWriter error)
    {
        try
        {
            return body();
        }
        catch (CliUsageException e)
        {
            error.WriteLine($"semrestore {commandName}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (ImageFormatException e)
        {
            error.WriteLine($"semrestore {commandName}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (InvalidInputException e)
        {
            error.WriteLine($"semrestore {commandName}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"semrestore {commandName}: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (ArgumentException e)
        {
            // Option records validate their values and throw ArgumentException naming the parameter and the range.
            error.WriteLine($"semrestore {commandName}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            error.WriteLine($"semrestore {commandName}: unexpected failure: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("SEMRESTORE_DEBUG") == "1")
            {
                error.WriteLine(e);
            }

            return ExitCodes.Failure;
        }
    }
}
