namespace SemRestore.Tensors.Nn;

/// <summary>What <see cref="Module.LoadStateDict"/> found: keys the module has but the dict lacks, keys the
/// dict has but the module lacks, and keys present in both with different shapes (not loaded).</summary>
public sealed record LoadStateDictResult(
    IReadOnlyList<string> MissingKeys,
    IReadOnlyList<string> UnexpectedKeys,
    IReadOnlyList<ShapeMismatch> ShapeMismatches)
{
    /// <summary>True when every key matched in name and shape.</summary>
    public bool IsExact => MissingKeys.Count == 0 && UnexpectedKeys.Count == 0 && ShapeMismatches.Count == 0;
}
