using System.Reflection;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical;

/// <summary>
/// Every classical denoiser by name. Entries are the classes in this assembly marked with
/// <see cref="DenoiserAttribute"/>, collected once on first use; duplicate names are rejected.
/// </summary>
public static class DenoiserRegistry
{
    private static readonly Lazy<IReadOnlyDictionary<string, Func<NamedSpec, IDenoiser>>> s_entries =
        new(() => Collect(typeof(DenoiserRegistry).Assembly.GetTypes()));

    /// <summary>The registered names, sorted.</summary>
    public static IReadOnlyList<string> Names => s_entries.Value.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Creates a denoiser from <c>name</c> or <c>name:key=value,...</c>, for example <c>bm3d:sigma=25</c>.</summary>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the registered names), a parameter is
    /// unknown, or a value is out of range (the message names the parameter and the range).</exception>
    public static IDenoiser Create(string spec) => Create(NamedSpec.Parse(spec));

    /// <summary>Creates a denoiser from a parsed spec.</summary>
    /// <exception cref="ArgumentException">See <see cref="Create(string)"/>.</exception>
    public static IDenoiser Create(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!s_entries.Value.TryGetValue(spec.Name, out var factory))
        {
            throw new ArgumentException(
                $"Unknown denoiser '{spec.Name}'; registered: {string.Join(", ", Names)}.", nameof(spec));
        }

        return factory(spec);
    }

    /// <summary>True when <paramref name="name"/> is registered (case-insensitive).</summary>
    public static bool Contains(string name) => s_entries.Value.ContainsKey(name);

    /// <summary>Builds the name table from <paramref name="types"/>; exposed to tests for the duplicate rule.</summary>
    /// <exception cref="InvalidOperationException">Two classes claim one name, or a marked class lacks the factory.</exception>
    internal static IReadOnlyDictionary<string, Func<NamedSpec, IDenoiser>> Collect(IEnumerable<Type> types)
    {
        var entries = new Dictionary<string, Func<NamedSpec, IDenoiser>>(StringComparer.OrdinalIgnoreCase);
        var owners = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            var attribute = type.GetCustomAttribute<DenoiserAttribute>();
            if (attribute is null)
            {
                continue;
            }

            if (!typeof(IDenoiser).IsAssignableFrom(type))
            {
                throw new InvalidOperationException($"{type.FullName} is marked [Denoiser(\"{attribute.Name}\")] but does not implement IDenoiser.");
            }

            var method = type.GetMethod("FromSpec", BindingFlags.Public | BindingFlags.Static, [typeof(NamedSpec)]);
            if (method is null || !typeof(IDenoiser).IsAssignableFrom(method.ReturnType))
            {
                throw new InvalidOperationException($"{type.FullName} is marked [Denoiser(\"{attribute.Name}\")] but has no public static FromSpec(NamedSpec) returning an IDenoiser.");
            }

            if (owners.TryGetValue(attribute.Name, out var previous))
            {
                throw new InvalidOperationException($"Denoiser name '{attribute.Name}' is claimed by both {previous.FullName} and {type.FullName}.");
            }

            owners[attribute.Name] = type;
            var factory = method.CreateDelegate<Func<NamedSpec, IDenoiser>>();
            entries[attribute.Name] = factory;
        }

        return entries;
    }
}
