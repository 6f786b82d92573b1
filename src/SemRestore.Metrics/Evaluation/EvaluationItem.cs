namespace SemRestore.Metrics.Evaluation;

/// <summary>One scene (or one real noisy/clean pair) of an evaluation dataset.</summary>
/// <param name="Name">Scene name, for example <c>scene-000</c> or <c>kriss-spheres_L05</c>.</param>
/// <param name="Kind">Scene kind (<c>holes</c>, <c>holes-irregular</c>, ...; <c>real</c> for pairs); the report averages per kind.</param>
/// <param name="Split">train, validation or test (null when the dataset has no splits).</param>
/// <param name="Files">Absolute image paths by frame name (F01, F32, F64, ... or noisy/clean).</param>
/// <param name="CirclesPath">Absolute path of the ground-truth circles.json, or null.</param>
public sealed record EvaluationItem(string Name, string Kind, string? Split, IReadOnlyDictionary<string, string> Files, string? CirclesPath);
