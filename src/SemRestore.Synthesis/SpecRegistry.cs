using System.Reflection;
using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis;

/// <summary>
/// The registry behind <see cref="Noise.NoiseModelRegistry"/> and <see cref="Scenes.SceneGeneratorRegistry"/>: collects, once,
/// the classes of this assembly marked with <typeparamref name="TAttribute"/>, rejects duplicate names, builds an entry
/// from a <see cref="NamedSpec"/> through its (NamedSpec) constructor and rejects parameters the entry did not read.
/// </summary>
internal sealed class SpecRegistry<TContract, TAttribute>(string what, Func<TAttribute, string> name, Func<TAttribute, string> description)
    where TContract : class
    where TAttribute : Attribute
{
    private readonly Lazy<IReadOnlyDictionary<string, (Type Type, string Description)>> _entries = new(() => Collect(what, name, description));

    public IReadOnlyList<string> Names => _entries.Value.Keys.Order(StringComparer.Ordinal).ToList();

    public bool Contains(string key) => _entries.Value.ContainsKey(key.Trim());

    public string Describe(string key) => Find(key).Description;

    public TContract Create(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (type, _) = Find(spec.Name);
        TContract entry;
        try
        {
            entry = (TContract)Activator.CreateInstance(type, spec)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException inner)
        {
            throw inner;
        }

        spec.EnsureOnly();
        return entry;
    }

    private (Type Type, string Description) Find(string key)
    {
        if (!_entries.Value.TryGetValue(key.Trim(), out var entry))
        {
            throw new ArgumentException($"Unknown {what} '{key}'; known: {string.Join(", ", Names)}.", nameof(key));
        }

        return entry;
    }

    private static IReadOnlyDictionary<string, (Type, string)> Collect(string what, Func<TAttribute, string> name, Func<TAttribute, string> description)
    {
        var entries = new Dictionary<string, (Type, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(SpecRegistry<TContract, TAttribute>).Assembly.GetTypes())
        {
            var attribute = type.GetCustomAttribute<TAttribute>();
            if (attribute is null)
            {
                continue;
            }

            if (!typeof(TContract).IsAssignableFrom(type) || type.GetConstructor([typeof(NamedSpec)]) is null)
            {
                throw new InvalidOperationException($"{type.Name} is registered as a {what} but is not a {typeof(TContract).Name} with a (NamedSpec) constructor.");
            }

            if (!entries.TryAdd(name(attribute), (type, description(attribute))))
            {
                throw new InvalidOperationException($"{what} name '{name(attribute)}' is registered twice ({type.Name}).");
            }
        }

        return entries;
    }
}
