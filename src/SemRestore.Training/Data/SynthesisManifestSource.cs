using SemRestore.Imaging;
using SemRestore.Synthesis.Datasets;

namespace SemRestore.Training.Data;

/// <summary>Scenes of a synthetic dataset (<c>semrestore synth</c> output): frames, splits and known offsets from manifest.json.</summary>
public static class SynthesisManifestSource
{
    /// <summary>Reads <c>DIR/manifest.json</c>.</summary>
    /// <exception cref="InvalidInputException">No manifest, or a split other than train/validation/test.</exception>
    public static IReadOnlyList<SceneSource> Load(string directory)
    {
        var manifest = SynthesisManifest.Load(directory);
        var scenes = new List<SceneSource>();
        foreach (var entry in manifest.Scenes)
        {
            var split = entry.Split.ToLowerInvariant() switch
            {
                "train" => DatasetSplit.Train,
                "validation" or "val" => DatasetSplit.Validation,
                "test" => DatasetSplit.Test,
                _ => throw new InvalidInputException($"{directory}: scene {entry.Name} has split '{entry.Split}', expected train, validation or test."),
            };
            var frames = new Dictionary<string, string>(StringComparer.Ordinal);
            var offsets = new Dictionary<string, FrameOffset>(StringComparer.Ordinal);
            foreach (var key in entry.Files.Keys)
            {
                if (!FrameKeys.IsFrameKey(key))
                {
                    continue;
                }

                frames[key] = SynthesisManifest.ResolvePath(directory, entry, key);
                if (entry.Offsets.TryGetValue(key, out var offset) && offset.Length == 2)
                {
                    offsets[key] = new FrameOffset((int)Math.Round(offset[0]), (int)Math.Round(offset[1]));
                }
            }

            scenes.Add(new SceneSource(entry.Name, split, frames, offsets, Kind: entry.Kind,
                CirclesPath: entry.Circles is null ? null : Path.Combine(directory, entry.Circles)));
        }

        return scenes;
    }
}
