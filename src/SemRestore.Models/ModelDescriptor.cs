using SemRestore.Imaging.Specs;

namespace SemRestore.Models;

/// <summary>A registered network: its name, what it is, and how to build it from a spec.</summary>
/// <param name="Name">Registry name used in configs (<c>fbinet</c>, <c>unet</c>, <c>dncnn</c>).</param>
/// <param name="Summary">One line for <c>--help</c> and errors.</param>
/// <param name="Build">Reads the spec's options (rejecting unknown keys) and builds the network initialised from the seed.</param>
public sealed record ModelDescriptor(string Name, string Summary, Func<NamedSpec, int, BuiltModel> Build);
