using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Synthesis.Acquisition;

namespace SemRestore.Synthesis.Datasets;

/// <summary>
/// <c>DIR/manifest.json</c> of a synthetic dataset: what was generated, how, and where every file is. The eval and
/// training code read it through <see cref="Load"/>. Property names are the JSON contract (version 1).
/// </summary>
public sealed record SynthesisManifest
{
    public const string FileName = "manifest.json";

    /// <summary>The JSON options every synthesis file uses (indented, camelCase records).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    [JsonPropertyName("version")] public int Version { get; init; } = 1;

    /// <summary>The scene kind when all scenes share one; <c>mixed</c> otherwise (presets).</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>The preset that made it (<c>renin</c>), or null.</summary>
    [JsonPropertyName("preset")] public string? Preset { get; init; }

    [JsonPropertyName("seed")] public ulong Seed { get; init; }

    [JsonPropertyName("width")] public int Width { get; init; }

    [JsonPropertyName("height")] public int Height { get; init; }

    /// <summary>Frame counts of the averages of acquisition 2 (always starting with 1: F01b).</summary>
    [JsonPropertyName("frames")] public required int[] Frames { get; init; }

    [JsonPropertyName("maxOffset")] public int MaxOffset { get; init; }

    /// <summary>Bit depth of the noisy files (8, 16 or 32); clean.tif is always 32-bit float.</summary>
    [JsonPropertyName("bitDepth")] public int BitDepth { get; init; } = 8;

    /// <summary>Defects drawn per scene.</summary>
    [JsonPropertyName("defects")] public int Defects { get; init; }

    [JsonPropertyName("acquisition")] public required AcquisitionOptions Acquisition { get; init; }

    /// <summary>Scene parameters keyed by kind.</summary>
    [JsonPropertyName("parameters")] public required JsonObject Parameters { get; init; }

    [JsonPropertyName("scenes")] public required List<SynthesisSceneEntry> Scenes { get; init; }

    /// <summary>Reads <c>DIR/manifest.json</c>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, not valid JSON, or not a version-1 manifest.</exception>
    public static SynthesisManifest Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"{path}: no synthetic-dataset manifest here (expected {FileName} written by 'semrestore synth').");
        }

        SynthesisManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SynthesisManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{path}: not a valid manifest ({e.Message}).", e);
        }

        if (manifest is null || manifest.Version != 1)
        {
            throw new InvalidInputException($"{path}: unsupported manifest version {manifest?.Version.ToString() ?? "null"} (expected 1).");
        }

        return manifest;
    }

    /// <summary>Writes <c>DIR/manifest.json</c> atomically.</summary>
    public void Save(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, JsonOptions) + "\n");
    }

    /// <summary>The full path of a file of a scene, for example <c>ResolvePath(dir, scene, "F08")</c>.</summary>
    /// <exception cref="InvalidInputException">The scene has no such file.</exception>
    public static string ResolvePath(string directory, SynthesisSceneEntry scene, string key)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (!scene.Files.TryGetValue(key, out var relative))
        {
            throw new InvalidInputException($"{scene.Name}: no file '{key}' in the manifest (has {string.Join(", ", scene.Files.Keys)}).");
        }

        return Path.Combine(directory, relative);
    }
}
