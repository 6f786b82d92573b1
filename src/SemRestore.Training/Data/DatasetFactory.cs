using SemRestore.Imaging;
using SemRestore.Imaging.Registration;
using SemRestore.Training.Configuration;

namespace SemRestore.Training.Data;

/// <summary>Builds the <see cref="FrameDataset"/> a config's <c>data:</c> section describes.</summary>
public static class DatasetFactory
{
    /// <param name="config">The data section.</param>
    /// <param name="baseDirectory">Folder relative paths resolve against.</param>
    /// <param name="cacheDirectory">Where the alignment is cached (the run folder).</param>
    /// <param name="cancellationToken">Cancels alignment.</param>
    /// <exception cref="InvalidInputException">The data are missing or unusable.</exception>
    public static FrameDataset Build(DataConfig config, string baseDirectory, string? cacheDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        IReadOnlyList<SceneSource> scenes;
        if (config.Manifest is not null)
        {
            var directory = Path.GetFullPath(Path.Combine(baseDirectory, config.Manifest));
            scenes = SynthesisManifestSource.Load(directory);
            if (config.ValidationScenes is not null || config.TestScenes is not null)
            {
                scenes = FolderDatasetSource.AssignSplits(scenes, config.ValidationScenes, config.TestScenes, directory);
            }
        }
        else
        {
            var directory = Path.GetFullPath(Path.Combine(baseDirectory, config.Folder!));
            scenes = FolderDatasetSource.Load(directory, config.ValidationScenes, config.TestScenes);
        }

        var align = config.Align == "auto" ? (config.Manifest is not null ? "manifest" : "psnr") : config.Align;
        if (align == "none")
        {
            scenes = scenes.Select(s => s with { Offsets = null }).ToList();
        }

        IFrameAligner? aligner = align == "psnr"
            ? new PsnrMatchingAligner(PsnrMatchingOptions.Default with { SearchRadius = Math.Max(1, config.AlignSearch) })
            : null;
        if (align == "psnr")
        {
            // PSNR matching replaces any listed offsets.
            scenes = scenes.Select(s => s with { Offsets = null }).ToList();
        }

        return FrameDataset.Build(scenes, new FrameDatasetOptions(
            Aligner: aligner,
            CacheBytes: (long)config.CacheMb << 20,
            CacheDirectory: cacheDirectory,
            BorderCrop: config.BorderCrop), cancellationToken);
    }
}
