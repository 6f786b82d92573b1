using SemRestore.Models;
using SemRestore.TestUtilities;
using SemRestore.Training.Configuration;
using SemRestore.Training.Experiments;
using SemRestore.Training.Losses;
using SemRestore.Training.Schemes;

namespace SemRestore.Training.Tests;

/// <summary>Every committed config parses, and every spec in it names a registered scheme, loss, model and optimiser.</summary>
[Trait("Category", "Unit")]
public sealed class ConfigFilesTests
{
    public static TheoryData<string> ExperimentFiles() => Files("experiments");

    public static TheoryData<string> TrainingFiles() => Files("train");

    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void ExperimentConfig_ParsesAndEveryRunIsValid(string path)
    {
        var experiment = ExperimentConfig.Load(path);
        var runner = new ExperimentRunner(experiment, TextWriter.Null);
        Assert.NotEmpty(experiment.Runs);
        foreach (var run in experiment.Runs)
        {
            CheckSpecs(runner.BuildRunConfig(run, Path.GetTempPath()));
        }

        foreach (var baseline in experiment.Baselines.Where(b => b.Method != "none"))
        {
            Assert.NotNull(SemRestore.Classical.DenoiserRegistry.Create(baseline.Method));
        }
    }

    [Theory]
    [MemberData(nameof(TrainingFiles))]
    public void TrainingConfig_ParsesAndItsSpecsAreValid(string path) => CheckSpecs(TrainingConfig.Load(path));

    private static void CheckSpecs(TrainingConfig config)
    {
        var scheme = SchemeRegistry.Create(config.Scheme);
        var loss = LossRegistry.Create(config.Loss);
        Assert.True(!scheme.IsMasked || loss.SupportsMask, $"{config.Name}: {config.Loss} cannot be masked for {config.Scheme}");
        Assert.Contains(ModelRegistry.Names, n => config.Model.StartsWith(n, StringComparison.Ordinal));
        using var scope = new SemRestore.Tensors.TensorScope();
        var parameter = new SemRestore.Tensors.Nn.Parameter(2);
        Assert.NotNull(OptimizerFactory.Create(config.Optimizer, [parameter]).Optimizer);
        Assert.NotNull(OptimizerFactory.CreateSchedule(config.Schedule, config.TotalIterations));
        SemRestore.Training.Data.NormalizationOptions.Parse(config.Data.Normalization);
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "configs", folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }
}
