using SemRestore.Imaging;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Noise;
using SemRestore.Training.Data;

namespace SemRestore.Training.Schemes;

/// <summary>
/// Synthetic degradation: the target is a clean frame, the input is that patch with noise drawn on the fly from a
/// noise model of the synthesis library (a fresh draw for every patch, before normalisation, in physical units).
/// Several models separated by '|' are picked uniformly per patch. Inside the spec a model's own options are
/// separated by '/' instead of ',': <c>synthetic:noise=poisson:lambda=200|gaussian:sigma=10/clip=true</c>.
/// </summary>
[TrainingScheme("synthetic")]
public sealed class SyntheticScheme : ITrainingScheme, IValidationInputSource
{
    private const ulong ValidationStream = 0x5641;
    private readonly INoiseModel[] _models;

    /// <exception cref="ArgumentException">No noise given, or a noise spec the synthesis registry rejects.</exception>
    public SyntheticScheme(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        TargetFrame = spec.GetString("frame", FrameKeys.Clean);
        var noise = spec.GetString("noise", "gaussian:sigma=25");
        spec.EnsureOnly();
        _models = noise.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => NoiseModelRegistry.Create(text.Replace('/', ',')))
            .ToArray();
        if (_models.Length == 0)
        {
            throw new ArgumentException("synthetic: parameter 'noise' names no noise model.", "noise");
        }
    }

    public string Description => $"synthetic:frame={TargetFrame},noise={string.Join("|", _models.Select(m => m.Spec.Replace(',', '/')))}";

    public string InputFrame => TargetFrame;

    public string TargetFrame { get; }

    public bool IsMasked => false;

    public void Validate(SceneSource scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (!scene.Frames.ContainsKey(TargetFrame))
        {
            throw new InvalidInputException(
                $"Scheme '{Description}' needs frame {TargetFrame}, but scene '{scene.Name}' has only {string.Join(", ", scene.Frames.Keys)}.");
        }
    }

    /// <summary>Input = noise model applied to the clean target patch (the model drawn per patch).</summary>
    public void PrepareRaw(TrainingSample sample, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        var model = _models[random.NextInt(_models.Length)];
        model.Apply(sample.Target, sample.Input, sample.Size, sample.Size, random.NextUInt64());
    }

    public void PrepareNormalized(TrainingSample sample, SeededRandom random)
    {
    }

    /// <summary>The first noise model applied to the whole clean frame with a seed fixed by (seed, scene).</summary>
    public GrayImage ValidationInput(FrameDataset dataset, int sceneIndex, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var clean = dataset.GetFrame(sceneIndex, TargetFrame);
        var noiseSeed = SeededRandom.ForStream(seed, ValidationStream, (ulong)sceneIndex).NextUInt64();
        return _models[0].Apply(clean, noiseSeed);
    }
}
