namespace SemRestore.Classical;

/// <summary>
/// Registers a denoiser class under a name used on the command line and in YAML (<c>[Denoiser("median")]</c>).
/// The class must be a public <see cref="SemRestore.Imaging.Denoising.IDenoiser"/> with a public static
/// <c>FromSpec(NamedSpec)</c> factory; <see cref="DenoiserRegistry"/> collects them once by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DenoiserAttribute : Attribute
{
    public DenoiserAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The registry name (lower case by convention, compared case-insensitively).</summary>
    public string Name { get; }
}
