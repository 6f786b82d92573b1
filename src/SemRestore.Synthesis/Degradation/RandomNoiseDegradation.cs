using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Noise;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Degradation;

/// <summary>
/// Noise from one or more registered models, with parameter ranges drawn on every application: for example
/// <c>gaussian:sigma=2..25|poisson:lambda=1e2..1e4</c> picks one alternative uniformly, then draws sigma uniformly or
/// lambda log-uniformly (lambda, dose and alpha are scale parameters; all others are uniform). Every alternative is
/// checked at parse time by building it at both ends of its ranges.
/// </summary>
public sealed class RandomNoiseDegradation : IDegradation
{
    private static readonly string[] s_logScaleKeys = ["lambda", "dose", "alpha"];
    private readonly List<(string Name, List<(string Key, string Value, ParameterRange? Range)> Parameters)> _alternatives = new();

    /// <param name="text">Alternatives separated by '|', each a noise-model spec whose values may be ranges a..b.</param>
    /// <exception cref="ArgumentException">Unknown model, bad range, or a value the model rejects.</exception>
    public RandomNoiseDegradation(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        foreach (var alternative in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var spec = NamedSpec.Parse(alternative);
            var parameters = new List<(string, string, ParameterRange?)>();
            foreach (var (key, value) in spec.Parameters)
            {
                ParameterRange? range = ParameterRange.IsRange(value)
                    ? ParameterRange.Parse(spec.Name, key, value, double.NegativeInfinity, double.PositiveInfinity, s_logScaleKeys.Contains(key.ToLowerInvariant()))
                    : null;
                parameters.Add((key, value, range));
            }

            _alternatives.Add((spec.Name, parameters));
            // Validate both ends now, so a bad range fails when the pipeline is parsed, not in the middle of training.
            NoiseModelRegistry.Create(Concrete(spec.Name, parameters, range => range.Min));
            NoiseModelRegistry.Create(Concrete(spec.Name, parameters, range => range.Max));
        }

        Spec = text;
    }

    public string Spec { get; }

    public GrayImage Apply(GrayImage image, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var random = new CounterRandom(seed);
        var (name, parameters) = _alternatives[random.NextInt(_alternatives.Count)];
        var model = NoiseModelRegistry.Create(Concrete(name, parameters, range => range.Draw(ref random)));
        var result = model.Apply(image, random.NextUInt64(), cancellationToken);
        result.BitDepth = image.BitDepth;
        return result;
    }

    /// <summary>The spec with every range replaced by <paramref name="pick"/>(range), in parameter order (so draws are reproducible).</summary>
    private static string Concrete(string name, List<(string Key, string Value, ParameterRange? Range)> parameters, Func<ParameterRange, double> pick)
    {
        var values = new List<string>(parameters.Count);
        foreach (var (key, value, range) in parameters)
        {
            values.Add($"{key}={(range is { } r ? pick(r).ToString("R", CultureInfo.InvariantCulture) : value)}");
        }

        return values.Count == 0 ? name : name + ":" + string.Join(",", values);
    }
}
