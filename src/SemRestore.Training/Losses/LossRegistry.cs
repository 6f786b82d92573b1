using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Training.Losses;

/// <summary>
/// Losses by name (<see cref="LossAttribute"/>) and loss expressions: terms <c>[weight*]name[:key=value,...]</c>
/// joined by '+', for example <c>charbonnier:eps=1e-6+0.5*msssim+0.1*edge</c>. Named presets expand to expressions.
/// </summary>
public static class LossRegistry
{
    /// <summary>
    /// The blog's three stages (SPECS H). Stage 3's weights are our design choice (the source gives none):
    /// alpha = 0.5 for MS-SSIM, beta = 0.1 for the Sobel term.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Presets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["blog-mse-ssim"] = "mse+0.5*ssim",
        ["blog-charbonnier"] = "charbonnier",
        ["blog-charbonnier-msssim-edge"] = "charbonnier+0.5*msssim+0.1*edge",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, Type>> s_entries = new(Collect);

    /// <summary>Registered loss names, sorted.</summary>
    public static IReadOnlyList<string> Names => s_entries.Value.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Builds a single loss or a weighted sum.</summary>
    /// <exception cref="ArgumentException">Unknown name (lists the known ones and presets), bad weight or bad options.</exception>
    public static ILoss Create(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (Presets.TryGetValue(expression.Trim(), out var preset))
        {
            expression = preset;
        }

        var terms = new List<(double, ILoss)>();
        foreach (var part in expression.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var weight = 1.0;
            var text = part;
            var star = part.IndexOf('*');
            if (star >= 0)
            {
                if (!double.TryParse(part[..star], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !(weight > 0) || double.IsInfinity(weight))
                {
                    throw new ArgumentException($"Loss term '{part}': the weight before '*' must be a positive number.", nameof(expression));
                }

                text = part[(star + 1)..];
            }

            terms.Add((weight, CreateSingle(NamedSpec.Parse(text))));
        }

        if (terms.Count == 0)
        {
            throw new ArgumentException("The loss expression is empty.", nameof(expression));
        }

        return terms.Count == 1 && terms[0].Item1 == 1 ? terms[0].Item2 : new WeightedSumLoss(terms);
    }

    private static ILoss CreateSingle(NamedSpec spec)
    {
        if (!s_entries.Value.TryGetValue(spec.Name.ToLowerInvariant(), out var type))
        {
            throw new ArgumentException(
                $"Unknown loss '{spec.Name}'; known: {string.Join(", ", Names)}; presets: {string.Join(", ", Presets.Keys)}.");
        }

        return RegistryScan.Construct<ILoss>(type, spec);
    }

    private static IReadOnlyDictionary<string, Type> Collect() =>
        RegistryScan.Collect<LossAttribute>(a => a.Name, "losses").ToDictionary(e => e.Key, e => e.Value.Type, StringComparer.Ordinal);
}
