using SemRestore.Imaging;
using SemRestore.Training.Schemes;

namespace SemRestore.Training.Data;

/// <summary>
/// Draws training batches from the train split of a <see cref="FrameDataset"/> through a scheme. Every draw is a
/// function of (seed, step, index) only, so batches are identical across runs, thread counts and resumes.
/// </summary>
/// <remarks>
/// Streaming: sample g = step * batch + index belongs to chunk g / ChunkSamples; each chunk draws its scenes
/// from a random subset small enough that all its frames fit the dataset's cache, so a dataset larger than
/// memory reloads each frame about once per chunk instead of once per patch. When everything fits, the subset
/// is the whole train split and the scene of a patch is uniform.
/// </remarks>
public sealed class PatchSampler
{
    private const ulong SampleStream = 0x5A3B1E;
    private const ulong ChunkStream = 0xC4C4;
    private readonly FrameDataset _dataset;
    private readonly ITrainingScheme _scheme;
    private readonly int[] _scenes;
    private readonly int _resident;

    /// <exception cref="InvalidInputException">The split has no scenes, a scene cannot feed the scheme, or a scene is smaller than the patch.</exception>
    public PatchSampler(FrameDataset dataset, ITrainingScheme scheme, PatchSamplerOptions options, DatasetSplit split = DatasetSplit.Train)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _scenes = [.. dataset.ScenesIn(split)];
        if (_scenes.Length == 0)
        {
            throw new InvalidInputException($"The dataset has no {split.ToString().ToLowerInvariant()} scenes.");
        }

        long largest = 0;
        foreach (var index in _scenes)
        {
            var scene = dataset.Scenes[index];
            scheme.Validate(scene);
            var alignment = dataset.AlignmentOf(index);
            if (alignment.Width < options.PatchSize || alignment.Height < options.PatchSize)
            {
                throw new InvalidInputException(
                    $"Scene '{scene.Name}' is {alignment.Width}x{alignment.Height} after alignment, smaller than the {options.PatchSize}-px patch; lower patch_size.");
            }

            var frames = scheme.InputFrame == scheme.TargetFrame ? 1 : 2;
            largest = Math.Max(largest, (long)alignment.Width * alignment.Height * sizeof(float) * frames);
        }

        _resident = (int)Math.Clamp(dataset.Options.CacheBytes / Math.Max(1, largest), 1, _scenes.Length);
    }

    public PatchSamplerOptions Options { get; }

    /// <summary>How many scenes stay resident per chunk (all of them when the data fit the cache).</summary>
    public int ResidentScenes => _resident;

    /// <summary>The batch of training step <paramref name="step"/>, built in parallel over samples.</summary>
    public TrainingBatch NextBatch(long step, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var batch = new TrainingBatch(batchSize, Options.PatchSize, Options.PatchSize, _scheme.IsMasked);
        Parallel.For(0, batchSize, new ParallelOptions { CancellationToken = cancellationToken }, index =>
            batch.Set(index, Sample(step * batchSize + index)));
        return batch;
    }

    /// <summary>Global sample number <paramref name="sampleIndex"/> (deterministic).</summary>
    public TrainingSample Sample(long sampleIndex)
    {
        var random = SeededRandom.ForStream(Options.Seed, SampleStream, (ulong)sampleIndex);
        var sceneIndex = PickScene(sampleIndex, random);
        var alignment = _dataset.AlignmentOf(sceneIndex);
        var size = Options.PatchSize;
        var left = random.NextInt(alignment.Width - size + 1);
        var top = random.NextInt(alignment.Height - size + 1);
        var transform = PatchTransform.Draw(random, Options.Flips, Options.Rotations);
        var sample = new TrainingSample(size) { SceneIndex = sceneIndex };
        PatchExtractor.Extract(_dataset.GetFrame(sceneIndex, _scheme.InputFrame), left, top, size, transform, sample.Input);
        PatchExtractor.Extract(_dataset.GetFrame(sceneIndex, _scheme.TargetFrame), left, top, size, transform, sample.Target);
        _scheme.PrepareRaw(sample, random);
        var normalization = Options.EffectiveNormalization;
        normalization.Normalize(sample.Input);
        normalization.Normalize(sample.Target);
        _scheme.PrepareNormalized(sample, random);
        return sample;
    }

    private int PickScene(long sampleIndex, SeededRandom random)
    {
        if (_resident >= _scenes.Length)
        {
            return _scenes[random.NextInt(_scenes.Length)];
        }

        // Partial Fisher-Yates of the chunk's own stream: the first _resident entries are the resident subset.
        var chunk = sampleIndex / Options.ChunkSamples;
        var chunkRandom = SeededRandom.ForStream(Options.Seed, ChunkStream, (ulong)chunk);
        var order = (int[])_scenes.Clone();
        for (var i = 0; i < _resident; i++)
        {
            var j = i + chunkRandom.NextInt(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[random.NextInt(_resident)];
    }
}
