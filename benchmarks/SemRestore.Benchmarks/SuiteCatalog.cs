namespace SemRestore.Benchmarks;

/// <summary>Every benchmark suite by name. A suite writes its SemRestore rows as JSON to the path given by --out.</summary>
public static class SuiteCatalog
{
    public static IReadOnlyDictionary<string, Func<string[], int>> Suites { get; } = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
    {
        ["classical"] = ClassicalSuite.Run,
        ["imaging"] = ImagingSuite.Run,
    };
}
