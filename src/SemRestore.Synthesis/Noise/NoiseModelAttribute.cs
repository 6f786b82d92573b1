namespace SemRestore.Synthesis.Noise;

/// <summary>
/// Registers a noise model under <see cref="Name"/>. The class must implement <see cref="INoiseModel"/> and
/// have a public constructor taking a <see cref="SemRestore.Imaging.Specs.NamedSpec"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoiseModelAttribute(string name, string description) : Attribute
{
    /// <summary>The name used on the command line and in configs (lower case).</summary>
    public string Name { get; } = name;

    /// <summary>One line for help texts: the formula and the parameters.</summary>
    public string Description { get; } = description;
}
