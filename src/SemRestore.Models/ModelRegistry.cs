using SemRestore.Imaging.Specs;
using SemRestore.Models.DnCnn;

namespace SemRestore.Models;

/// <summary>
/// Every network by name, as an explicit list (the architectures live in their own folders). A spec is
/// <c>name:key=value,...</c>; unknown names list the known ones, unknown keys are rejected.
/// </summary>
public static class ModelRegistry
{
    private static readonly ModelDescriptor[] s_models =
    [
        new("dncnn", "DnCNN (Zhang et al. 2017): 17 conv layers, batch norm, residual learning; halo = layers",
            (spec, random) =>
            {
                var options = DnCnnOptions.FromSpec(spec);
                return new BuiltModel(new DnCnnNetwork(options, random), options.ToSpec(), 1, options.Halo);
            }),
    ];

    /// <summary>The registered networks.</summary>
    public static IReadOnlyList<ModelDescriptor> Models => s_models;

    /// <summary>Registered names, sorted.</summary>
    public static IReadOnlyList<string> Names => s_models.Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>Builds the network a spec describes, initialised from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name (lists the known ones) or invalid options.</exception>
    public static BuiltModel Create(string spec, int seed)
    {
        var named = NamedSpec.Parse(spec);
        var descriptor = s_models.FirstOrDefault(m => string.Equals(m.Name, named.Name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown model '{named.Name}'; known: {string.Join(", ", Names)}.", nameof(spec));
        return descriptor.Build(named, new Random(seed));
    }
}
