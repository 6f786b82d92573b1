using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>Every scene generator by kind, collected once from classes marked <see cref="SceneKindAttribute"/>.</summary>
public static class SceneGeneratorRegistry
{
    private static readonly SpecRegistry<ISceneGenerator, SceneKindAttribute> s_registry = new("scene kind", a => a.Name, a => a.Description);

    /// <summary>Registered kinds, sorted.</summary>
    public static IReadOnlyList<string> Names => s_registry.Names;

    /// <summary>True when <paramref name="kind"/> is registered (case-insensitive).</summary>
    public static bool Contains(string kind) => s_registry.Contains(kind);

    /// <summary>The one-line description of a kind.</summary>
    /// <exception cref="ArgumentException">Unknown kind; the message lists the known ones.</exception>
    public static string Describe(string kind) => s_registry.Describe(kind);

    /// <summary>A generator from <c>kind</c> or <c>kind:key=value,...</c> (scene parameters).</summary>
    /// <exception cref="ArgumentException">Unknown kind (lists the known ones), unknown parameter or value out of range.</exception>
    public static ISceneGenerator Create(string spec) => Create(NamedSpec.Parse(spec));

    /// <summary>A generator from a parsed spec; rejects parameters the kind does not read.</summary>
    public static ISceneGenerator Create(NamedSpec spec) => s_registry.Create(spec);
}
