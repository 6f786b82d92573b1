using System.Text.RegularExpressions;
using SemRestore.Imaging;

namespace SemRestore.Training.Data;

/// <summary>
/// Scenes from a folder, in either layout:
/// <list type="bullet">
/// <item>one sub-folder per scene holding frames named by key (<c>scene-a/F01.tif</c>, <c>scene-a/F08.tif</c>,
/// <c>scene-a/clean.tif</c>), as <c>semrestore synth</c> writes them;</item>
/// <item>flat noisy/clean pairs whose names differ only in the word <c>noisy</c>/<c>clean</c>
/// (<c>x_noisy_1.tif</c> with <c>x_clean_1.tif</c>, or any suffix after the word): the noisy file becomes
/// <c>F01</c>, the clean one <c>clean</c>, the scene is named by the text before the word.</item>
/// </list>
/// Scenes named in <paramref name="validationScenes"/> or <paramref name="testScenes"/> go to those splits, all others to train.
/// </summary>
public static partial class FolderDatasetSource
{
    private static readonly string[] s_extensions = [".tif", ".tiff", ".png", ".pgm", ".pfm"];

    /// <exception cref="InvalidInputException">The folder is missing, holds no scenes, or a named split scene does not exist.</exception>
    public static IReadOnlyList<SceneSource> Load(string directory, IReadOnlyCollection<string>? validationScenes = null,
        IReadOnlyCollection<string>? testScenes = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidInputException($"Dataset folder '{directory}' does not exist.");
        }

        var scenes = new List<SceneSource>();
        foreach (var sub in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var frames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in ImageFiles(sub))
            {
                var key = Path.GetFileNameWithoutExtension(file);
                if (FrameKeys.IsFrameKey(key))
                {
                    frames[key] = file;
                }
            }

            if (frames.Count > 0)
            {
                scenes.Add(new SceneSource(Path.GetFileName(sub), DatasetSplit.Train, frames));
            }
        }

        foreach (var noisy in ImageFiles(directory))
        {
            var name = Path.GetFileName(noisy);
            var match = NoisyPattern().Match(name);
            if (!match.Success)
            {
                continue;
            }

            var prefix = name[..match.Index];
            var clean = ImageFiles(directory).FirstOrDefault(f =>
                Path.GetFileName(f).StartsWith(prefix + match.Groups["sep"].Value + "clean", StringComparison.OrdinalIgnoreCase));
            if (clean is null)
            {
                throw new InvalidInputException($"'{noisy}' has no clean partner (expected a file starting with '{prefix}{match.Groups["sep"].Value}clean').");
            }

            scenes.Add(new SceneSource(prefix.TrimEnd('_', '-', '.'), DatasetSplit.Train,
                new Dictionary<string, string> { [FrameKeys.F01] = noisy, [FrameKeys.Clean] = clean }));
        }

        if (scenes.Count == 0)
        {
            throw new InvalidInputException(
                $"Dataset folder '{directory}' holds neither scene sub-folders with F01/F08/clean frames nor noisy/clean pairs.");
        }

        return AssignSplits(scenes, validationScenes, testScenes, directory);
    }

    /// <summary>Moves the named scenes to the validation and test splits.</summary>
    /// <exception cref="InvalidInputException">A named scene does not exist.</exception>
    public static IReadOnlyList<SceneSource> AssignSplits(IReadOnlyList<SceneSource> scenes, IReadOnlyCollection<string>? validationScenes,
        IReadOnlyCollection<string>? testScenes, string where)
    {
        var known = scenes.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in (validationScenes ?? []).Concat(testScenes ?? []))
        {
            if (!known.Contains(name))
            {
                throw new InvalidInputException($"Split scene '{name}' is not in '{where}'; scenes are {string.Join(", ", known.Order())}.");
            }
        }

        return scenes.Select(scene => scene with
        {
            Split = testScenes?.Contains(scene.Name) == true ? DatasetSplit.Test
                : validationScenes?.Contains(scene.Name) == true ? DatasetSplit.Validation
                : scene.Split,
        }).ToList();
    }

    private static IEnumerable<string> ImageFiles(string directory) =>
        Directory.GetFiles(directory)
            .Where(f => s_extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);


    [GeneratedRegex("(?<sep>[_\\-.])noisy", RegexOptions.IgnoreCase)]
    private static partial Regex NoisyPattern();
}
