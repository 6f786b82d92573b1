namespace SemRestore.Benchmarks;

/// <summary>
/// Runs one benchmark suite by name: <c>dotnet SemRestore.Benchmarks.dll SUITE [--peer-json FILE]</c>.
/// Suites are listed in <see cref="SuiteCatalog"/>; <c>benchmarks/run.sh</c> builds, runs the peer and merges results.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !SuiteCatalog.Suites.TryGetValue(args[0], out var suite))
        {
            Console.Error.WriteLine($"usage: SemRestore.Benchmarks SUITE; suites: {string.Join(", ", SuiteCatalog.Suites.Keys)}");
            return 2;
        }

        return suite(args[1..]);
    }
}
