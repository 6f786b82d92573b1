using System.Globalization;
using System.Numerics.Tensors;
using SemRestore.Imaging.Specs;

namespace SemRestore.Training.Data;

/// <summary>
/// Normalisation of network inputs and targets. The record is written into the model card, so inference
/// normalises exactly as training did (and inverts the map on the output).
/// </summary>
/// <param name="Mode">The rule; default <see cref="NormalizationMode.MinMax"/> (ReNIn: every patch and every test image on its own).</param>
/// <param name="Low">Fixed-range lower bound (FixedRange only).</param>
/// <param name="High">Fixed-range upper bound (FixedRange only), greater than Low.</param>
/// <param name="LowPercentile">Percentile mapped to 0, in [0, 100) (Percentile only).</param>
/// <param name="HighPercentile">Percentile mapped to 1, in (LowPercentile, 100] (Percentile only).</param>
public sealed record NormalizationOptions(
    NormalizationMode Mode = NormalizationMode.MinMax,
    double Low = 0,
    double High = 1,
    double LowPercentile = 0.5,
    double HighPercentile = 99.5)
{
    /// <summary>ReNIn's per-image min-max.</summary>
    public static NormalizationOptions MinMax { get; } = new();

    /// <summary>Values as read.</summary>
    public static NormalizationOptions None { get; } = new(NormalizationMode.None);

    /// <summary>Parses <c>none</c>, <c>minmax</c>, <c>fixed:low=0,high=1</c> or <c>percentile:low=0.5,high=99.5</c>.</summary>
    /// <exception cref="ArgumentException">Unknown mode, unknown key or a value out of range.</exception>
    public static NormalizationOptions Parse(string text)
    {
        var spec = NamedSpec.Parse(text);
        NormalizationOptions options = spec.Name.ToLowerInvariant() switch
        {
            "none" => None,
            "minmax" or "min-max" => MinMax,
            "fixed" => new NormalizationOptions(NormalizationMode.FixedRange, spec.GetDouble("low", 0), spec.GetDouble("high", 1)),
            "percentile" => new NormalizationOptions(NormalizationMode.Percentile,
                LowPercentile: spec.GetDouble("low", 0.5, 0, 100), HighPercentile: spec.GetDouble("high", 99.5, 0, 100)),
            _ => throw new ArgumentException($"Unknown normalisation '{spec.Name}'; known: none, minmax, fixed, percentile.", nameof(text)),
        };
        spec.EnsureOnly();
        options.Validate();
        return options;
    }

    /// <summary>Checks the bounds.</summary>
    /// <exception cref="ArgumentException">High is not above Low, or the percentiles are out of order or range.</exception>
    public void Validate()
    {
        if (Mode == NormalizationMode.FixedRange && !(High > Low))
        {
            throw new ArgumentException($"Fixed-range normalisation needs high > low, got low={Low}, high={High}.", nameof(High));
        }

        if (Mode == NormalizationMode.Percentile &&
            !(LowPercentile >= 0 && HighPercentile <= 100 && HighPercentile > LowPercentile))
        {
            throw new ArgumentException(
                $"Percentile normalisation needs 0 <= low < high <= 100, got low={LowPercentile}, high={HighPercentile}.", nameof(HighPercentile));
        }
    }

    /// <summary>The map for one image or patch.</summary>
    public NormalizationParameters Fit(ReadOnlySpan<float> values)
    {
        switch (Mode)
        {
            case NormalizationMode.None:
                return NormalizationParameters.Identity;
            case NormalizationMode.FixedRange:
                return new NormalizationParameters((float)Low, (float)(High - Low));
            case NormalizationMode.MinMax:
                return FromBounds(TensorPrimitives.Min(values), TensorPrimitives.Max(values));
            default:
                var sorted = values.ToArray();
                Array.Sort(sorted);
                return FromBounds(PercentileOfSorted(sorted, LowPercentile), PercentileOfSorted(sorted, HighPercentile));
        }
    }

    /// <summary>Fits and applies in place; returns the map so the caller can invert it.</summary>
    public NormalizationParameters Normalize(Span<float> values)
    {
        var parameters = Fit(values);
        parameters.Apply(values);
        return parameters;
    }

    /// <summary>The canonical text form, as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => Mode switch
    {
        NormalizationMode.None => "none",
        NormalizationMode.MinMax => "minmax",
        NormalizationMode.FixedRange => string.Create(CultureInfo.InvariantCulture, $"fixed:low={Low},high={High}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"percentile:low={LowPercentile},high={HighPercentile}"),
    };

    private static NormalizationParameters FromBounds(float low, float high)
    {
        // A flat patch would divide by zero; map it to 0 instead (range 1 keeps the inverse exact).
        var range = high - low;
        return new NormalizationParameters(low, range > 0 && float.IsFinite(range) ? range : 1f);
    }

    // Linear interpolation between closest ranks (NumPy's default percentile rule).
    private static float PercentileOfSorted(float[] sorted, double percentile)
    {
        var position = percentile / 100.0 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var fraction = position - lower;
        return (float)(sorted[lower] + (sorted[upper] - sorted[lower]) * fraction);
    }
}
