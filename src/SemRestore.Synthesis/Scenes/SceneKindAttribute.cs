namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Registers a scene generator under <see cref="Name"/>. The class must implement <see cref="ISceneGenerator"/> and
/// have a public constructor taking a <see cref="SemRestore.Imaging.Specs.NamedSpec"/> (its parameters).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SceneKindAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
