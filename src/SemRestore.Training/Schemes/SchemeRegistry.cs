using SemRestore.Imaging.Specs;

namespace SemRestore.Training.Schemes;

/// <summary>
/// Training schemes by name (<see cref="TrainingSchemeAttribute"/>). A spec is a base scheme optionally followed
/// by modifiers joined with '+': <c>relaxed-n2n:target=F08+input-dropout:p=0.6</c> (ReNIn).
/// </summary>
public static class SchemeRegistry
{
    private static readonly Lazy<IReadOnlyDictionary<string, (Type Type, bool IsModifier)>> s_entries = new(Collect);

    /// <summary>Registered names, sorted.</summary>
    public static IReadOnlyList<string> Names => s_entries.Value.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Builds the scheme a spec describes.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones), a modifier first, a base scheme after '+', or bad options.</exception>
    public static ITrainingScheme Create(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var parts = spec.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        ITrainingScheme? scheme = null;
        foreach (var part in parts)
        {
            var named = NamedSpec.Parse(part);
            if (!s_entries.Value.TryGetValue(named.Name.ToLowerInvariant(), out var entry))
            {
                throw new ArgumentException($"Unknown training scheme '{named.Name}'; known: {string.Join(", ", Names)}.", nameof(spec));
            }

            if (scheme is null && entry.IsModifier)
            {
                throw new ArgumentException($"'{named.Name}' modifies a scheme; write it after one, for example relaxed-n2n+{part}.", nameof(spec));
            }

            if (scheme is not null && !entry.IsModifier)
            {
                throw new ArgumentException($"'{spec}' has two base schemes; only modifiers may follow '+'.", nameof(spec));
            }

            scheme = entry.IsModifier
                ? RegistryScan.Construct<ITrainingScheme>(entry.Type, named, scheme)
                : RegistryScan.Construct<ITrainingScheme>(entry.Type, named);
        }

        return scheme ?? throw new ArgumentException("The scheme spec is empty.", nameof(spec));
    }

    private static IReadOnlyDictionary<string, (Type, bool)> Collect() =>
        RegistryScan.Collect<TrainingSchemeAttribute>(a => a.Name, "training schemes")
            .ToDictionary(e => e.Key, e => (e.Value.Type, e.Value.Attribute.IsModifier), StringComparer.Ordinal);
}
