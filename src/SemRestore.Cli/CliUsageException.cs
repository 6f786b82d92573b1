namespace SemRestore.Cli;

/// <summary>A user error on the command line that parsing alone cannot catch (for example an option value out of range). Exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
