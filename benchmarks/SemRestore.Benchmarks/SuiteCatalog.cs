namespace SemRestore.Benchmarks;

/// <summary>Every benchmark suite by name (the name run.sh takes). Adding a suite adds one line here.</summary>
public static class SuiteCatalog
{
    public static IReadOnlyDictionary<string, Func<string[], int>> Suites { get; } = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
    {
        ["classical"] = ClassicalSuite.Run,
        ["engine"] = EngineSuite.Run,
        ["imaging"] = ImagingSuite.Run,
        ["metrics"] = MetricsSuite.Run,
        ["model-child"] = ModelChild.Run, // one training step or restore in a fresh process, started by the training suite
        ["synthesis"] = SynthesisSuite.Run,
        ["training"] = TrainingSuite.Run,
    };
}
