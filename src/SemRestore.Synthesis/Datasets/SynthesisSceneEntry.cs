using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SemRestore.Synthesis.Datasets;

/// <summary>
/// One scene of a synthetic dataset in <c>manifest.json</c>. Paths are relative to the dataset folder.
/// <see cref="Offsets"/>: for each file, [dx, dy] with <c>file(x + dx, y + dy) = clean(x, y)</c>, the registration
/// convention (moving(x + Dx, y + Dy) ≈ reference(x, y)).
/// </summary>
public sealed record SynthesisSceneEntry
{
    /// <summary>Folder name, for example <c>scene-000</c>.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Scene kind, for example <c>holes</c> or <c>holes-irregular</c>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary><c>train</c>, <c>validation</c> or <c>test</c>.</summary>
    [JsonPropertyName("split")] public required string Split { get; init; }

    /// <summary>The scene's own seed (derived from the dataset seed and the scene index).</summary>
    [JsonPropertyName("seed")] public ulong Seed { get; init; }

    /// <summary>File key (clean, F01, F01b, F02, F08, ...) to relative path.</summary>
    [JsonPropertyName("files")] public required Dictionary<string, string> Files { get; init; }

    /// <summary>File key to [dx, dy] in pixels (clean is [0, 0] and not listed).</summary>
    [JsonPropertyName("offsets")] public required Dictionary<string, double[]> Offsets { get; init; }

    /// <summary>With a stack (<c>files["frames"]</c>): [dx, dy] of each raw frame of acquisition 2, in page order; null otherwise.</summary>
    [JsonPropertyName("frameOffsets")] public List<double[]>? FrameOffsets { get; init; }

    /// <summary>Relative path of circles.json, or null for kinds without round features.</summary>
    [JsonPropertyName("circles")] public string? Circles { get; init; }

    /// <summary>Relative path of defects.png (255 = defect), or null when no defects were drawn.</summary>
    [JsonPropertyName("defects")] public string? Defects { get; init; }

    /// <summary>The scene generator's parameters.</summary>
    [JsonPropertyName("parameters")] public JsonObject? Parameters { get; init; }
}
