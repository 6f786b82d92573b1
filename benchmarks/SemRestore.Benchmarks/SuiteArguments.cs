namespace SemRestore.Benchmarks;

/// <summary>The arguments run.sh passes to every suite: --work DIR (scratch files) and --results DIR.</summary>
public sealed record SuiteArguments(string WorkDirectory, string ResultsDirectory, IReadOnlyDictionary<string, string> Options)
{
    public static SuiteArguments Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        var work = options.GetValueOrDefault("work", Path.Combine("benchmarks", ".work"));
        var results = options.GetValueOrDefault("results", Path.Combine("benchmarks", "results"));
        Directory.CreateDirectory(work);
        return new SuiteArguments(work, results, options);
    }

    /// <summary>The peer script benchmarks/peers/NAME.py, located from the repository root.</summary>
    public static string PeerScript(string name) => Path.Combine("benchmarks", "peers", name + ".py");
}
