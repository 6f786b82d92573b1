namespace SemRestore.Imaging.Io;

/// <summary>
/// A file could not be read or written as an image: corrupt data, unsupported feature, absurd size.
/// The message always names the file and the problem. The CLI maps it to exit code 3.
/// </summary>
public sealed class ImageFormatException : Exception
{
    public ImageFormatException(string? filePath, string problem, Exception? inner = null)
        : base(Compose(filePath, problem), inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file concerned, or null for an in-memory stream.</summary>
    public string? FilePath { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }

    private static string Compose(string? filePath, string problem) =>
        filePath is null ? problem : $"{filePath}: {problem}";
}
