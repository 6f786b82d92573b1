using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Noise;

/// <summary>
/// Every noise model by name, collected once from the classes marked <see cref="NoiseModelAttribute"/>.
/// <c>Create("poisson:lambda=1000")</c> builds a model; an unknown name lists the known ones.
/// </summary>
public static class NoiseModelRegistry
{
    private static readonly SpecRegistry<INoiseModel, NoiseModelAttribute> s_registry = new("noise model", a => a.Name, a => a.Description);

    /// <summary>Registered names, sorted.</summary>
    public static IReadOnlyList<string> Names => s_registry.Names;

    /// <summary>True when <paramref name="name"/> is a registered model (case-insensitive).</summary>
    public static bool Contains(string name) => s_registry.Contains(name);

    /// <summary>The one-line description of a model.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static string Describe(string name) => s_registry.Describe(name);

    /// <summary>Builds a model from <c>name</c> or <c>name:key=value,...</c>.</summary>
    /// <exception cref="ArgumentException">Unknown name (lists the known ones), unknown parameter or value out of range.</exception>
    public static INoiseModel Create(string spec) => Create(NamedSpec.Parse(spec));

    /// <summary>Builds a model from a parsed spec; rejects parameters the model does not read.</summary>
    public static INoiseModel Create(NamedSpec spec) => s_registry.Create(spec);
}
