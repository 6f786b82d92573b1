namespace SemRestore.Training.Losses;

/// <summary>Registers a loss under <see cref="Name"/>; the class has a public constructor taking a <see cref="Imaging.Specs.NamedSpec"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LossAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
