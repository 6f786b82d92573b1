namespace SemRestore.Cli;

/// <summary>What a command body gets besides its parsed options: the streams to write to and the Ctrl+C token.</summary>
public sealed record CommandContext(TextWriter Output, TextWriter Error, CancellationToken Cancellation)
{
    /// <summary>A progress bar on the error stream (stdout stays clean for scripts).</summary>
    public ConsoleProgressBar CreateProgressBar(string label) => new(Error, label);
}
