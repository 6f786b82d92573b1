using SemRestore.Imaging;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace SemRestore.Training.Experiments;

/// <summary>
/// An experiment as YAML: shared training <c>defaults</c> (any <see cref="Configuration.TrainingConfig"/> keys, including
/// <c>data:</c>), a list of <c>runs</c> that override them (each at least a <c>name</c>), classical <c>baselines</c>, and the
/// <c>evaluation</c>. Every run trains into <c>output/runs/NAME</c>; the report goes to <c>output/report.md</c>.
/// </summary>
public sealed class ExperimentConfig
{
    public string? Name { get; set; }

    /// <summary>Keys shared by every run (a training config without name and output).</summary>
    public Dictionary<string, object> Defaults { get; set; } = [];

    /// <summary>One mapping per run: <c>name</c> plus the keys it changes.</summary>
    public List<Dictionary<string, object>> Runs { get; set; } = [];

    public List<BaselineConfig> Baselines { get; set; } = [];

    public EvaluationConfig Evaluation { get; set; } = new();

    /// <summary>Experiment folder (relative to the config file).</summary>
    public string Output { get; set; } = "runs/experiment";

    [YamlIgnore]
    public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>Reads an experiment file.</summary>
    /// <exception cref="InvalidInputException">Missing file or invalid YAML (names the position).</exception>
    public static ExperimentConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"Experiment config '{path}' does not exist.");
        }

        ExperimentConfig config;
        try
        {
            config = Configuration.TrainingConfig.CreateDeserializer().Deserialize<ExperimentConfig?>(File.ReadAllText(path)) ?? new ExperimentConfig();
        }
        catch (YamlException e)
        {
            throw new InvalidInputException($"{path}: {e.Start}: {(e.InnerException ?? e).Message}", e);
        }

        config.Name ??= Path.GetFileNameWithoutExtension(path);
        config.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (config.Runs.Count == 0 && config.Baselines.Count == 0)
        {
            throw new InvalidInputException($"{path}: the experiment has neither runs nor baselines.");
        }

        foreach (var run in config.Runs)
        {
            if (!run.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name?.ToString()))
            {
                throw new InvalidInputException($"{path}: every entry of runs needs a name.");
            }
        }

        return config;
    }

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
