namespace SemRestore.Synthesis;

/// <summary>
/// The <see cref="ParallelOptions"/> every row loop of SemRestore.Synthesis uses. Results never depend on the
/// degree of parallelism (each row draws from its own keyed stream); <see cref="MaxDegree"/> exists so the checks can
/// prove it by running the same generator on one thread and on all.
/// </summary>
internal static class RowParallelism
{
    /// <summary>Largest number of concurrent rows; -1 (the default) lets the runtime decide.</summary>
    public static int MaxDegree { get; set; } = -1;

    public static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { CancellationToken = cancellationToken, MaxDegreeOfParallelism = MaxDegree };
}
