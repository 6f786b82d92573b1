using SemRestore.Models;
using SemRestore.Training.Data;
using SemRestore.Training.Losses;
using SemRestore.Training.Schemes;

namespace SemRestore.Training;

/// <summary>Everything a <see cref="Trainer"/> needs, resolved (see <see cref="TrainingSetup"/> for building it from a config).</summary>
public sealed class TrainerSettings
{
    public required BuiltModel Model { get; init; }

    public required ILoss Loss { get; init; }

    public required ITrainingScheme Scheme { get; init; }

    public required PatchSampler Sampler { get; init; }

    /// <summary>Optimizer spec (<see cref="OptimizerFactory.Create"/>).</summary>
    public string Optimizer { get; init; } = "adam:lr=1e-3";

    /// <summary>Schedule spec (<see cref="OptimizerFactory.CreateSchedule"/>).</summary>
    public string Schedule { get; init; } = "constant";

    public required int Iterations { get; init; }

    public int BatchSize { get; init; } = 1;

    public double ClipGradNorm { get; init; }

    /// <summary>Validate every this many steps (0: never).</summary>
    public int ValidateEvery { get; init; }

    /// <summary>Checkpoint every this many steps (0: at validations, cancellation and the end).</summary>
    public int CheckpointEvery { get; init; }

    public int LogEvery { get; init; } = 10;

    public IReadOnlyList<ValidationImage> Validation { get; init; } = [];

    public NormalizationOptions Normalization => Sampler.Options.EffectiveNormalization;

    public required string OutputDirectory { get; init; }

    /// <summary>Fields copied into the model card (name, config, data hash, ...).</summary>
    public ModelCard CardTemplate { get; init; } = new() { Model = "" };
}
