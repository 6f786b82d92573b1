namespace SemRestore.Training.Configuration;

/// <summary>The <c>data:</c> section of a training config (keys in snake_case in YAML).</summary>
public sealed class DataConfig
{
    /// <summary>A synthesis output folder holding manifest.json (splits and offsets come from it).</summary>
    public string? Manifest { get; set; }

    /// <summary>A folder of scene sub-folders or flat noisy/clean pairs (see FolderDatasetSource).</summary>
    public string? Folder { get; set; }

    /// <summary>Scene names put in the validation split (folder datasets; overrides the manifest).</summary>
    public List<string>? ValidationScenes { get; set; }

    /// <summary>Scene names put in the test split (folder datasets; overrides the manifest).</summary>
    public List<string>? TestScenes { get; set; }

    /// <summary><c>auto</c> (manifest offsets, else PSNR matching), <c>manifest</c>, <c>psnr</c> or <c>none</c>.</summary>
    public string Align { get; set; } = "auto";

    /// <summary>PSNR-matching search radius in pixels (ReNIn: 40).</summary>
    public int AlignSearch { get; set; } = 40;

    /// <summary>Pixels removed on every side after alignment.</summary>
    public int BorderCrop { get; set; }

    /// <summary>Memory for decoded frames in MiB; larger datasets stream.</summary>
    public int CacheMb { get; set; } = 2048;

    /// <summary>Side of the square training crops.</summary>
    public int PatchSize { get; set; } = 256;

    public bool Flips { get; set; } = true;

    public bool Rotations { get; set; } = true;

    /// <summary><c>minmax</c> (ReNIn), <c>fixed:low=..,high=..</c>, <c>percentile:low=..,high=..</c> or <c>none</c>.</summary>
    public string Normalization { get; set; } = "minmax";

    /// <summary>Samples per resident chunk of the streaming sampler.</summary>
    public int ChunkSamples { get; set; } = 256;
}
