using SemRestore.Imaging;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Noise;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Degradation;

/// <summary>
/// Degradation steps applied in the order written, separated by '+': for SEMNet
/// <c>blur:sigma=0.2..3 + rescale:factor=1..4 + gaussian:sigma=2..25|poisson:lambda=1e2..1e4</c>.
/// Steps: <c>blur</c> (<see cref="GaussianBlurDegradation"/>), <c>rescale</c> (<see cref="RescaleDegradation"/>) and any
/// noise model, whose values may be ranges, with '|' between alternatives (<see cref="RandomNoiseDegradation"/>).
/// Step k draws from the stream keyed by (seed, k).
/// </summary>
public sealed class DegradationPipeline
{
    private const ulong StepPurpose = 0x44454752UL;

    public DegradationPipeline(IReadOnlyList<IDegradation> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A degradation pipeline needs at least one step.", nameof(steps));
        }

        Steps = steps;
    }

    public IReadOnlyList<IDegradation> Steps { get; }

    public string Spec => string.Join(" + ", Steps.Select(s => s.Spec));

    /// <summary>The step names besides noise models.</summary>
    public static IReadOnlyList<string> StepNames { get; } = ["blur", "rescale"];

    /// <summary>Parses a pipeline; a single noise-model spec is a one-step pipeline.</summary>
    /// <exception cref="ArgumentException">Unknown step (lists blur, rescale and the noise models) or bad parameter.</exception>
    public static DegradationPipeline Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var steps = new List<IDegradation>();
        foreach (var part in text.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = NamedSpec.Parse(part.Split('|')[0]).Name.ToLowerInvariant();
            steps.Add(name switch
            {
                "blur" => new GaussianBlurDegradation(NamedSpec.Parse(part)),
                "rescale" => new RescaleDegradation(NamedSpec.Parse(part)),
                _ when NoiseModelRegistry.Contains(name) => new RandomNoiseDegradation(part),
                _ => throw new ArgumentException(
                    $"Unknown degradation step '{name}'; known: {string.Join(", ", StepNames.Concat(NoiseModelRegistry.Names))}.", nameof(text)),
            });
        }

        return new DegradationPipeline(steps);
    }

    /// <summary>Applies every step in order; deterministic from <paramref name="seed"/>.</summary>
    public GrayImage Apply(GrayImage image, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var current = image;
        for (var k = 0; k < Steps.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            current = Steps[k].Apply(current, CounterRandom.Key(seed, StepPurpose, (ulong)k), cancellationToken);
        }

        return ReferenceEquals(current, image) ? image.Clone() : current;
    }
}
