namespace SemRestore.TestUtilities;

/// <summary>Locates the repository, its golden fixtures and the shared data beside it.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> s_repositoryRoot = new(FindRepositoryRoot);

    /// <summary>The folder holding SemRestore.slnx.</summary>
    public static string RepositoryRoot => s_repositoryRoot.Value;

    /// <summary>tests/Golden: committed fixtures and the scripts that made them.</summary>
    public static string Golden => Path.Combine(RepositoryRoot, "tests", "Golden");

    /// <summary>../shared/data/sem-real beside the repository (real SEM noisy/clean pairs).</summary>
    public static string SemReal => Path.Combine(RepositoryRoot, "..", "shared", "data", "sem-real");

    /// <summary>A fresh, empty temporary folder for one test.</summary>
    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "semrestore-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SemRestore.slnx")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException($"SemRestore.slnx not found above {AppContext.BaseDirectory}.");
    }
}
