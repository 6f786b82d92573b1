using System.Globalization;
using SemRestore.Imaging.Specs;
using SemRestore.Training.Data;

namespace SemRestore.Training.Schemes;

/// <summary>
/// ReNIn's input dropout ("random pixel masking"): after normalisation, each input pixel (or k x k block) of a
/// training patch is set to 0 with probability <see cref="Probability"/> (the fraction DROPPED, default 0.6).
/// Kept pixels are not rescaled by 1/(1-p), unlike a dropout layer, and nothing happens at inference.
/// </summary>
/// <remarks>Spec: <c>input-dropout</c>, <c>input-dropout:p=0.6,mode=grid,grid=8</c>, <c>input-dropout:mode=mixed</c>.</remarks>
[TrainingScheme("input-dropout", IsModifier = true)]
public sealed class InputDropoutModifier : ITrainingScheme
{
    /// <summary>Block sizes that the mixed mode draws from (ReNIn's code).</summary>
    public static IReadOnlyList<int> MixedGridSizes { get; } = [1, 2, 4, 8, 16, 32, 64];

    private readonly ITrainingScheme _inner;

    /// <exception cref="ArgumentException">p outside [0, 1), grid size outside [1, 256], or an unknown key.</exception>
    public InputDropoutModifier(NamedSpec spec, ITrainingScheme inner)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Probability = spec.GetDouble("p", 0.6, 0, 0.999);
        Mode = Enum.Parse<InputDropoutMode>(spec.GetChoice("mode", "random", "random", "grid", "mixed"), ignoreCase: true);
        GridSize = spec.GetInt("grid", 8, 1, 256);
        spec.EnsureOnly();
    }

    /// <summary>Probability that a pixel (block) is dropped.</summary>
    public double Probability { get; }

    public InputDropoutMode Mode { get; }

    /// <summary>Block size for <see cref="InputDropoutMode.Grid"/>.</summary>
    public int GridSize { get; }

    public string Description => _inner.Description + "+" + Mode switch
    {
        InputDropoutMode.Grid => string.Create(CultureInfo.InvariantCulture, $"input-dropout:p={Probability},mode=grid,grid={GridSize}"),
        InputDropoutMode.Mixed => string.Create(CultureInfo.InvariantCulture, $"input-dropout:p={Probability},mode=mixed"),
        _ => string.Create(CultureInfo.InvariantCulture, $"input-dropout:p={Probability}"),
    };

    public string InputFrame => _inner.InputFrame;

    public string TargetFrame => _inner.TargetFrame;

    public bool IsMasked => _inner.IsMasked;

    public void Validate(SceneSource scene) => _inner.Validate(scene);

    public void PrepareRaw(TrainingSample sample, SeededRandom random) => _inner.PrepareRaw(sample, random);

    public void PrepareNormalized(TrainingSample sample, SeededRandom random)
    {
        _inner.PrepareNormalized(sample, random);
        var block = Mode switch
        {
            InputDropoutMode.Random => 1,
            InputDropoutMode.Grid => GridSize,
            _ => MixedGridSizes[random.NextInt(MixedGridSizes.Count)],
        };
        Apply(sample.Input, sample.Size, block, Probability, random);
    }

    /// <summary>Zeroes each <paramref name="block"/>-sized cell of a square patch with probability <paramref name="probability"/>.</summary>
    public static void Apply(Span<float> input, int size, int block, double probability, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var by = 0; by < size; by += block)
        {
            for (var bx = 0; bx < size; bx += block)
            {
                if (random.NextDouble() >= probability)
                {
                    continue;
                }

                var height = Math.Min(block, size - by);
                var width = Math.Min(block, size - bx);
                for (var y = 0; y < height; y++)
                {
                    input.Slice((by + y) * size + bx, width).Clear();
                }
            }
        }
    }
}
