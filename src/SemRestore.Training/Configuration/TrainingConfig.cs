using SemRestore.Imaging;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SemRestore.Training.Configuration;

/// <summary>
/// A training run as a YAML file (snake_case keys; unknown keys are an error). Registry-backed fields are specs
/// (<c>name:key=value,...</c>): <see cref="Scheme"/>, <see cref="Model"/>, <see cref="Loss"/> (a weighted sum such as
/// <c>mse+0.5*ssim</c>), <see cref="Optimizer"/>, <see cref="Schedule"/>. Relative paths are resolved against the config file's folder.
/// </summary>
public sealed class TrainingConfig
{
    /// <summary>Run name; default: the file name without extension.</summary>
    public string? Name { get; set; }

    /// <summary>Seed of initialisation, sampling and every random draw.</summary>
    public ulong Seed { get; set; }

    public DataConfig Data { get; set; } = new();

    /// <summary>Training scheme spec; ReNIn: <c>relaxed-n2n:target=F08+input-dropout:p=0.6</c>.</summary>
    public string Scheme { get; set; } = "relaxed-n2n+input-dropout";

    /// <summary>Network spec, for example <c>fbinet:layers=17,filters=64</c>, <c>unet</c>, <c>dncnn:layers=17</c>.</summary>
    public string Model { get; set; } = "fbinet";

    /// <summary>Loss expression: terms <c>[weight*]name[:options]</c> joined by '+'.</summary>
    public string Loss { get; set; } = "mse";

    /// <summary><c>adam:lr=1e-3,beta1=0.9,beta2=0.999,eps=1e-8,weight_decay=0</c> or <c>adamw:...</c>.</summary>
    public string Optimizer { get; set; } = "adam:lr=1e-3";

    /// <summary><c>constant</c>, <c>step:every=N,gamma=0.5</c>, <c>multistep:milestones=a/b/c,gamma=0.5</c>, <c>cosine:min_lr=0</c>, with optional <c>warmup=N</c>.</summary>
    public string Schedule { get; set; } = "constant";

    /// <summary>Optimiser steps; 0 means epochs * steps_per_epoch.</summary>
    public int Iterations { get; set; }

    /// <summary>Epochs (with <see cref="StepsPerEpoch"/>), used when iterations is 0.</summary>
    public int Epochs { get; set; }

    /// <summary>Steps per epoch (ReNIn: about 21600 patches / batch size).</summary>
    public int StepsPerEpoch { get; set; }

    public int BatchSize { get; set; } = 1;

    /// <summary>Global gradient-norm clip (0: off).</summary>
    public double ClipGradNorm { get; set; }

    public ValidationConfig Validation { get; set; } = new();

    /// <summary>Write a checkpoint every this many steps (0: at validations and the end only).</summary>
    public int CheckpointEvery { get; set; } = 500;

    /// <summary>Write a log line every this many steps.</summary>
    public int LogEvery { get; set; } = 10;

    /// <summary>Run folder: checkpoints, log, model card, best and last weights.</summary>
    public string Output { get; set; } = "runs/run";

    /// <summary>Folder the config was read from (relative paths resolve against it); not a YAML key.</summary>
    [YamlIgnore]
    public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>The number of optimiser steps the run makes.</summary>
    public int TotalIterations => Iterations > 0 ? Iterations : Epochs * StepsPerEpoch;

    /// <summary>Reads a config file.</summary>
    /// <exception cref="InvalidInputException">The file is missing or is not valid YAML for this schema (message names the line and key).</exception>
    public static TrainingConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"Training config '{path}' does not exist.");
        }

        var config = Parse(File.ReadAllText(path), path);
        config.Name ??= Path.GetFileNameWithoutExtension(path);
        config.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        config.Validate();
        return config;
    }

    /// <summary>Parses YAML text (<paramref name="source"/> names it in errors).</summary>
    /// <exception cref="InvalidInputException">Not valid YAML for this schema.</exception>
    public static TrainingConfig Parse(string yaml, string source = "config")
    {
        try
        {
            return CreateDeserializer().Deserialize<TrainingConfig?>(yaml) ?? new TrainingConfig();
        }
        catch (YamlException e)
        {
            throw new InvalidInputException($"{source}: {e.Start}: {(e.InnerException ?? e).Message}", e);
        }
    }

    /// <summary>The deserializer every SemRestore config uses: snake_case, unknown keys rejected.</summary>
    public static IDeserializer CreateDeserializer() =>
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>The YAML form of this config (for the run folder and the model card).</summary>
    public string ToYaml() =>
        new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Serialize(this);

    /// <summary>An absolute path for a config-relative one.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>Checks the fields that need no registry.</summary>
    /// <exception cref="ArgumentException">Names the key, the value and the allowed range.</exception>
    public void Validate()
    {
        if (TotalIterations <= 0)
        {
            throw new ArgumentException($"Set iterations (> 0) or epochs and steps_per_epoch; got iterations={Iterations}, epochs={Epochs}, steps_per_epoch={StepsPerEpoch}.", nameof(Iterations));
        }

        Require(BatchSize >= 1 && BatchSize <= 4096, "batch_size", BatchSize, "1..4096");
        Require(Data.PatchSize >= 8 && Data.PatchSize <= 4096, "data.patch_size", Data.PatchSize, "8..4096");
        Require(Data.CacheMb >= 1, "data.cache_mb", Data.CacheMb, ">= 1");
        Require(Data.BorderCrop >= 0, "data.border_crop", Data.BorderCrop, ">= 0");
        Require(Data.AlignSearch >= 0 && Data.AlignSearch <= 512, "data.align_search", Data.AlignSearch, "0..512");
        Require(Validation.Every >= 0, "validation.every", Validation.Every, ">= 0");
        Require(Validation.MaxSize >= 0, "validation.max_size", Validation.MaxSize, ">= 0");
        Require(CheckpointEvery >= 0, "checkpoint_every", CheckpointEvery, ">= 0");
        Require(LogEvery >= 1, "log_every", LogEvery, ">= 1");
        if (ClipGradNorm < 0 || double.IsNaN(ClipGradNorm))
        {
            throw new ArgumentException($"clip_grad_norm must be >= 0, got {ClipGradNorm}.", nameof(ClipGradNorm));
        }

        if ((Data.Manifest is null) == (Data.Folder is null))
        {
            throw new ArgumentException("data: set exactly one of manifest (a synthesis folder) or folder (pairs or scene folders).", nameof(Data));
        }

        if (Data.Align is not ("auto" or "manifest" or "psnr" or "none"))
        {
            throw new ArgumentException($"data.align must be auto, manifest, psnr or none, got '{Data.Align}'.", nameof(Data));
        }

        _ = Training.Data.NormalizationOptions.Parse(Data.Normalization);
    }

    private static void Require(bool ok, string key, int value, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"{key} must be {range}, got {value}.", key);
        }
    }
}
