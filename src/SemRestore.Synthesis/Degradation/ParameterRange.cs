using System.Globalization;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Degradation;

/// <summary>
/// A parameter that is a number or a range <c>min..max</c> (for example <c>sigma=2..25</c>) drawn anew on every
/// application: uniformly, or log-uniformly when <see cref="LogScale"/> (scale parameters such as Poisson's lambda).
/// </summary>
public readonly record struct ParameterRange(double Min, double Max, bool LogScale = false)
{
    /// <summary>True when the text has the range form <c>a..b</c>.</summary>
    public static bool IsRange(string text) => text.Contains("..", StringComparison.Ordinal);

    /// <summary>Parses <c>x</c> or <c>a..b</c> (a &lt;= b) and checks it against [lower, upper].</summary>
    /// <exception cref="ArgumentException">Not a number or range, reversed, or outside [lower, upper]; names the step and key.</exception>
    public static ParameterRange Parse(string step, string key, string text, double lower, double upper, bool logScale = false)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            || !double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max))
        {
            throw new ArgumentException($"{step}: parameter '{key}' must be a number or a range min..max, got '{text}'.", key);
        }

        if (min > max || min < lower || max > upper || double.IsNaN(min) || double.IsNaN(max))
        {
            throw new ArgumentException($"{step}: parameter '{key}' must lie in [{lower.ToString(CultureInfo.InvariantCulture)}, {upper.ToString(CultureInfo.InvariantCulture)}] with min <= max, got '{text}'.", key);
        }

        return new ParameterRange(min, max, logScale && min > 0);
    }

    /// <summary>Reads <paramref name="key"/> from a spec as a range, or the default range when absent.</summary>
    public static ParameterRange Read(NamedSpec spec, string key, ParameterRange defaultRange, double lower, double upper, bool logScale = false)
    {
        var text = spec.GetString(key, string.Empty);
        return text.Length == 0 ? defaultRange : Parse(spec.Name, key, text, lower, upper, logScale);
    }

    /// <summary>Draws a value.</summary>
    public double Draw(ref CounterRandom random)
    {
        var u = random.NextDouble();
        return Min == Max ? Min : LogScale ? Min * Math.Pow(Max / Min, u) : Min + (Max - Min) * u;
    }

    public override string ToString() => Min == Max
        ? Min.ToString("G6", CultureInfo.InvariantCulture)
        : $"{Min.ToString("G6", CultureInfo.InvariantCulture)}..{Max.ToString("G6", CultureInfo.InvariantCulture)}";
}
