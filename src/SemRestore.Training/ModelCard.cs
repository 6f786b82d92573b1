using System.Text.Json;
using System.Text.Json.Serialization;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;

namespace SemRestore.Training;

/// <summary>
/// What a trained model is, saved as <c>model.json</c> beside <c>model.safetensors</c>: the architecture spec
/// (rebuilds the network), the normalisation (inference repeats it), and the recipe and results of training.
/// </summary>
public sealed record ModelCard
{
    /// <summary>Format tag; readers reject other major versions.</summary>
    public const string CurrentFormat = "semrestore-model/1";

    public const string FileName = "model.json";

    public const string WeightsFileName = "model.safetensors";

    public string Format { get; init; } = CurrentFormat;

    public string Name { get; init; } = "model";

    /// <summary>Canonical network spec, for example <c>fbinet:layers=17,filters=64,blind=true</c>.</summary>
    public required string Model { get; init; }

    public long Parameters { get; init; }

    public int SizeMultiple { get; init; } = 1;

    public int Halo { get; init; }

    /// <summary>Normalisation spec (<see cref="Data.NormalizationOptions.Parse"/>).</summary>
    public string Normalization { get; init; } = "minmax";

    public string? Scheme { get; init; }

    public string? Loss { get; init; }

    public string? Optimizer { get; init; }

    public string? Schedule { get; init; }

    public ulong Seed { get; init; }

    public int Iterations { get; init; }

    public long StepsDone { get; init; }

    public int BatchSize { get; init; }

    public int PatchSize { get; init; }

    /// <summary>SHA-256 of the training data (files, splits, alignment).</summary>
    public string? DataHash { get; init; }

    public string? DataSource { get; init; }

    /// <summary>Step whose weights model.safetensors holds.</summary>
    public long WeightsStep { get; init; }

    /// <summary>Why those weights: <c>best-validation-psnr</c> or <c>last</c>.</summary>
    public string WeightsChoice { get; init; } = "last";

    public double? BestValidationPsnr { get; init; }

    public double? BestValidationSsim { get; init; }

    public long? BestValidationStep { get; init; }

    public double? LastValidationPsnr { get; init; }

    public double? LastValidationSsim { get; init; }

    public double? FinalLoss { get; init; }

    public double TrainingSeconds { get; init; }

    public string? ValidationReference { get; init; }

    public string? CreatedUtc { get; init; }

    /// <summary>The training config as YAML.</summary>
    public string? Config { get; init; }

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the card atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, s_json));

    /// <summary>Reads a card.</summary>
    /// <exception cref="InvalidInputException">Missing, unreadable, or another format.</exception>
    public static ModelCard Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"Model card '{path}' does not exist (a model folder holds model.json and model.safetensors).");
        }

        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"Model card '{path}' is not valid JSON: {e.Message}", e);
        }

        if (card is null || !card.Format.StartsWith("semrestore-model/1", StringComparison.Ordinal))
        {
            throw new InvalidInputException($"Model card '{path}' has format '{card?.Format}', expected {CurrentFormat}.");
        }

        return card;
    }
}
