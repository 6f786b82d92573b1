using System.Text.Json;
using System.Text.Json.Serialization;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Datasets;

/// <summary><c>circles.json</c>: <c>{ "circles": [ { "x": .., "y": .., "r": .. }, ... ] }</c> in pixels of clean.tif.</summary>
public sealed record CirclesFile([property: JsonPropertyName("circles")] IReadOnlyList<SceneCircle> Circles)
{
    /// <summary>Reads a circles.json file.</summary>
    /// <exception cref="InvalidInputException">Missing or malformed file.</exception>
    public static CirclesFile Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CirclesFile>(File.ReadAllText(path), SynthesisManifest.JsonOptions)
                ?? throw new InvalidInputException($"{path}: empty circles file.");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidInputException($"{path}: cannot read circles ({e.Message}).", e);
        }
    }

    /// <summary>Writes the file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, SynthesisManifest.JsonOptions) + "\n");
}
