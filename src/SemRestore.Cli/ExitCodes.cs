namespace SemRestore.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Anything unexpected (a bug, an I/O failure that is not the input's fault).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown option, missing argument, value out of range.</summary>
    public const int Usage = 2;

    /// <summary>An input file is unreadable or invalid; the message names the file and the problem.</summary>
    public const int BadInput = 3;

    /// <summary>The user pressed Ctrl+C; partial results were saved where the command says so.</summary>
    public const int Cancelled = 130;
}
