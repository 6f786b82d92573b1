namespace SemRestore.Metrics.Evaluation;

/// <summary>One scene (or one real noisy/clean pair) of an evaluation dataset.</summary>
/// <param name="Name">Scene name, for example <c>scene-000</c> or <c>kriss-spheres_L05</c>.</param>
/// <param name="Kind">Scene kind (<c>holes</c>, <c>holes-irregular</c>, ...; <c>real</c> for pairs); the report averages per kind.</param>
/// <param name="Split">train, validation or test (null when the dataset has no splits).</param>
/// <param name="Files">Absolute image paths by frame name (F01, F32, F64, ... or noisy/clean).</param>
/// <param name="CirclesPath">Absolute path of the ground-truth circles.json (coordinates of the clean image), or null.</param>
/// <param name="Offsets">
/// Per frame, the synthesis offset (dx, dy) with <c>frame(x + dx, y + dy) = clean(x, y)</c>: a ground-truth circle at
/// (x, y) lies at (x + dx, y + dy) in that frame. Frames without an entry are at offset 0.
/// </param>
public sealed record EvaluationItem(string Name, string Kind, string? Split, IReadOnlyDictionary<string, string> Files, string? CirclesPath,
    IReadOnlyDictionary<string, (double Dx, double Dy)>? Offsets = null)
{
    /// <summary>The offset of <paramref name="frame"/> relative to the clean image, (0, 0) when unknown.</summary>
    public (double Dx, double Dy) OffsetOf(string frame) =>
        Offsets is not null && Offsets.TryGetValue(frame, out var offset) ? offset : (0, 0);
}
