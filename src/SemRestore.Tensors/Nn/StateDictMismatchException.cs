namespace SemRestore.Tensors.Nn;

/// <summary>Thrown by a strict <see cref="Module.LoadStateDict"/> when keys are missing, unexpected or
/// mis-shaped; the message lists every problem (with both shapes for mismatches).</summary>
public sealed class StateDictMismatchException : Exception
{
    /// <summary>Creates the exception from the full comparison result.</summary>
    public StateDictMismatchException(string moduleName, LoadStateDictResult result)
        : base(Describe(moduleName, result))
    {
        Result = result;
    }

    /// <summary>The comparison that failed.</summary>
    public LoadStateDictResult Result { get; }

    private static string Describe(string moduleName, LoadStateDictResult r)
    {
        var parts = new List<string>();
        if (r.MissingKeys.Count > 0)
        {
            parts.Add($"missing keys: {string.Join(", ", r.MissingKeys)}");
        }

        if (r.UnexpectedKeys.Count > 0)
        {
            parts.Add($"unexpected keys: {string.Join(", ", r.UnexpectedKeys)}");
        }

        if (r.ShapeMismatches.Count > 0)
        {
            parts.Add("shape mismatches: " + string.Join(", ", r.ShapeMismatches.Select(m => $"{m.Key} expected {Tensor.FormatShape(m.Expected)} got {Tensor.FormatShape(m.Actual)}")));
        }

        return $"Error loading state dict into {moduleName}: {string.Join("; ", parts)}.";
    }
}
