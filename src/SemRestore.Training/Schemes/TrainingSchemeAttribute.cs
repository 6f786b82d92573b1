namespace SemRestore.Training.Schemes;

/// <summary>
/// Registers a scheme under <see cref="Name"/>. A base scheme has a public constructor taking a
/// <see cref="Imaging.Specs.NamedSpec"/>; a modifier (<see cref="IsModifier"/>) takes the spec and the scheme it wraps.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TrainingSchemeAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>Whether the scheme wraps another one (written after a '+' in the spec).</summary>
    public bool IsModifier { get; init; }
}
