using SemRestore.Imaging;
using SemRestore.Models;
using SemRestore.Training.Configuration;
using SemRestore.Training.Data;
using SemRestore.Training.Losses;
using SemRestore.Training.Schemes;

namespace SemRestore.Training;

/// <summary>Turns a <see cref="TrainingConfig"/> into <see cref="TrainerSettings"/>: dataset, scheme, model, loss, validation set.</summary>
public static class TrainingSetup
{
    /// <summary>Builds the dataset the config names (manifest or folder) and the settings.</summary>
    /// <exception cref="InvalidInputException">The data cannot feed the scheme.</exception>
    /// <exception cref="ArgumentException">A spec is invalid.</exception>
    public static TrainerSettings FromConfig(TrainingConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dataset = DatasetFactory.Build(config.Data, config.BaseDirectory, config.Resolve(config.Output), cancellationToken);
        return Create(config, dataset);
    }

    /// <summary>The settings for a config over an already built dataset.</summary>
    public static TrainerSettings Create(TrainingConfig config, FrameDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(dataset);
        config.Validate();
        var scheme = SchemeRegistry.Create(config.Scheme);
        var loss = LossRegistry.Create(config.Loss);
        if (scheme.IsMasked && !loss.SupportsMask)
        {
            throw new ArgumentException($"Scheme '{scheme.Description}' trains on masked pixels only; loss '{loss.Description}' cannot be masked (use mse, l1 or charbonnier).", nameof(config));
        }

        var normalization = NormalizationOptions.Parse(config.Data.Normalization);
        var sampler = new PatchSampler(dataset, scheme, new PatchSamplerOptions(
            config.Data.PatchSize, config.Data.Flips, config.Data.Rotations, normalization, config.Seed, config.Data.ChunkSamples));
        var model = ModelRegistry.Create(config.Model, unchecked((int)config.Seed));
        var validation = BuildValidation(dataset, scheme, normalization, config.Validation, config.Seed, out var reference);
        return new TrainerSettings
        {
            Model = model,
            Loss = loss,
            Scheme = scheme,
            Sampler = sampler,
            Optimizer = config.Optimizer,
            Schedule = config.Schedule,
            Iterations = config.TotalIterations,
            BatchSize = config.BatchSize,
            ClipGradNorm = config.ClipGradNorm,
            ValidateEvery = config.Validation.Every,
            CheckpointEvery = config.CheckpointEvery,
            LogEvery = config.LogEvery,
            Validation = validation,
            OutputDirectory = config.Resolve(config.Output),
            CardTemplate = new ModelCard
            {
                Model = model.Spec,
                Name = config.Name ?? "model",
                DataHash = dataset.ComputeHash(),
                DataSource = config.Data.Manifest ?? config.Data.Folder,
                ValidationReference = reference,
                Config = config.ToYaml(),
            },
        };
    }

    /// <summary>
    /// Validation images: the scheme's input frame of every validation scene (centre-cropped to max_size) and the
    /// first reference frame the scenes have, both normalised by the training rule.
    /// </summary>
    public static IReadOnlyList<ValidationImage> BuildValidation(FrameDataset dataset, ITrainingScheme scheme,
        NormalizationOptions normalization, ValidationConfig config, ulong seed, out string? referenceKey)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        referenceKey = null;
        var scenes = dataset.ScenesIn(DatasetSplit.Validation);
        if (config.Every == 0 || scenes.Count == 0)
        {
            return [];
        }

        referenceKey = config.Reference.FirstOrDefault(key => scenes.All(i => dataset.HasFrame(i, key)))
            ?? throw new InvalidInputException(
                $"No validation scene has all of the reference frames {string.Join(", ", config.Reference)}; set validation.reference.");
        var images = new List<ValidationImage>();
        foreach (var index in scenes)
        {
            var reference = dataset.GetFrame(index, referenceKey);
            var input = scheme is IValidationInputSource source
                ? source.ValidationInput(dataset, index, seed)
                : dataset.GetFrame(index, scheme.InputFrame);
            var side = config.MaxSize > 0 ? config.MaxSize : int.MaxValue;
            int width = Math.Min(side, input.Width), height = Math.Min(side, input.Height);
            int left = (input.Width - width) / 2, top = (input.Height - height) / 2;
            var inputValues = FrameDataset.Crop(input, left, top, width, height).Pixels.ToArray();
            var referenceValues = FrameDataset.Crop(reference, left, top, width, height).Pixels.ToArray();
            normalization.Normalize(inputValues);
            normalization.Normalize(referenceValues);
            images.Add(new ValidationImage(dataset.Scenes[index].Name, width, height, inputValues, referenceValues));
        }

        return images;
    }
}
