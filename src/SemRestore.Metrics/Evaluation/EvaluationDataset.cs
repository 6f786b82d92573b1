using System.Text.Json;
using SemRestore.Imaging;

namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// The images <see cref="Evaluator"/> works on. Two layouts are read:
/// a synthesis dataset (DIR/manifest.json, version 1: <c>scenes[].files</c> maps frame names such as F01 or F64 to
/// paths relative to DIR, <c>scenes[].circles</c> names the ground-truth circles.json in clean-image coordinates,
/// <c>scenes[].offsets</c> gives each frame's [dx, dy] with frame(x + dx, y + dy) = clean(x, y)) and a folder of real pairs
/// whose file names contain a noisy and a clean token (default <c>_noisy_</c> and <c>_clean_</c>, as
/// ../shared/data/sem-real): the text before the token names the pair, and the frames are called noisy and clean.
/// The manifest is read here with System.Text.Json rather than through SemRestore.Synthesis, which Metrics must not
/// reference (both sit on the same layer); only the fields evaluation needs are read.
/// </summary>
/// <param name="Root">The dataset folder.</param>
/// <param name="Layout">"manifest" or "pairs".</param>
/// <param name="Items">Scenes or pairs, in manifest or file-name order.</param>
public sealed record EvaluationDataset(string Root, string Layout, IReadOnlyList<EvaluationItem> Items)
{
    /// <summary>Frame names of a pair folder.</summary>
    public const string NoisyFrame = "noisy";

    /// <summary>Frame names of a pair folder.</summary>
    public const string CleanFrame = "clean";

    /// <summary>The default input frame: F01 for manifests, noisy for pairs.</summary>
    public string DefaultInput => Layout == "pairs" ? NoisyFrame : "F01";

    /// <summary>The default reference frame: F64 for manifests, clean for pairs.</summary>
    public string DefaultReference => Layout == "pairs" ? CleanFrame : "F64";

    /// <summary>Reads DIR/manifest.json when present, else pairs named by <paramref name="noisyToken"/>/<paramref name="cleanToken"/>.</summary>
    /// <exception cref="InvalidInputException">The folder is missing, the manifest is malformed or no pair is found.</exception>
    public static EvaluationDataset Load(string directory, string noisyToken = "_noisy_", string cleanToken = "_clean_")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new InvalidInputException($"{directory}: dataset folder not found.");
        }

        var root = Path.GetFullPath(directory);
        var manifest = Path.Combine(root, "manifest.json");
        return File.Exists(manifest) ? LoadManifest(root, manifest) : LoadPairs(root, noisyToken, cleanToken);
    }

    private static EvaluationDataset LoadManifest(string root, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var top = document.RootElement;
            if (top.TryGetProperty("version", out var version) && version.GetInt32() != 1)
            {
                throw new InvalidInputException($"{path}: manifest version {version.GetInt32()} is not supported (expected 1).");
            }

            if (!top.TryGetProperty("scenes", out var scenes) || scenes.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInputException($"{path}: the manifest has no \"scenes\" array.");
            }

            var datasetKind = top.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "scene";
            var items = new List<EvaluationItem>();
            foreach (var scene in scenes.EnumerateArray())
            {
                var name = scene.GetProperty("name").GetString() ?? throw new InvalidInputException($"{path}: a scene has no name.");
                var kind = scene.TryGetProperty("kind", out var sk) && sk.ValueKind == JsonValueKind.String ? sk.GetString()! : datasetKind;
                var split = scene.TryGetProperty("split", out var sp) && sp.ValueKind == JsonValueKind.String ? sp.GetString() : null;
                var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var file in scene.GetProperty("files").EnumerateObject())
                {
                    files[file.Name] = Path.GetFullPath(Path.Combine(root, file.Value.GetString() ?? string.Empty));
                }

                string? circles = null;
                if (scene.TryGetProperty("circles", out var c) && c.ValueKind == JsonValueKind.String)
                {
                    circles = Path.GetFullPath(Path.Combine(root, c.GetString()!));
                }

                var offsets = new Dictionary<string, (double, double)>(StringComparer.OrdinalIgnoreCase);
                if (scene.TryGetProperty("offsets", out var o) && o.ValueKind == JsonValueKind.Object)
                {
                    foreach (var frame in o.EnumerateObject())
                    {
                        if (frame.Value.GetArrayLength() != 2)
                        {
                            throw new InvalidInputException($"{path}: scene {name}: offset of {frame.Name} must be [dx, dy].");
                        }

                        offsets[frame.Name] = (frame.Value[0].GetDouble(), frame.Value[1].GetDouble());
                    }
                }

                items.Add(new EvaluationItem(name, kind, split, files, circles, offsets));
            }

            if (items.Count == 0)
            {
                throw new InvalidInputException($"{path}: the manifest lists no scenes.");
            }

            return new EvaluationDataset(root, "manifest", items);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidInputException($"{path}: malformed dataset manifest ({e.Message}).", e);
        }
    }

    private static EvaluationDataset LoadPairs(string root, string noisyToken, string cleanToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(noisyToken);
        ArgumentException.ThrowIfNullOrEmpty(cleanToken);
        var noisy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!IsImage(name))
            {
                continue;
            }

            var n = name.IndexOf(noisyToken, StringComparison.OrdinalIgnoreCase);
            var c = name.IndexOf(cleanToken, StringComparison.OrdinalIgnoreCase);
            if (n > 0)
            {
                noisy.TryAdd(name[..n], file);
            }
            else if (c > 0)
            {
                clean.TryAdd(name[..c], file);
            }
        }

        var items = new List<EvaluationItem>();
        foreach (var (key, noisyPath) in noisy)
        {
            if (!clean.TryGetValue(key, out var cleanPath))
            {
                throw new InvalidInputException($"{noisyPath}: no reference file '{key}{cleanToken}*' beside it in {root}.");
            }

            var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [NoisyFrame] = noisyPath, [CleanFrame] = cleanPath };
            items.Add(new EvaluationItem(key, "real", null, files, null));
        }

        if (items.Count == 0)
        {
            throw new InvalidInputException(
                $"{root}: neither a manifest.json nor image pairs named '*{noisyToken}*' / '*{cleanToken}*' were found.");
        }

        return new EvaluationDataset(root, "pairs", items);
    }

    private static bool IsImage(string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension is ".tif" or ".tiff" or ".png" or ".pgm" or ".pfm";
    }
}
