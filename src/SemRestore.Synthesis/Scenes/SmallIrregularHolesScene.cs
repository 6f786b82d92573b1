using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>ReNIn's 2nd SDF01: much smaller oval, dented holes on the same 9 x 12 pitch; inner circle barely visible.</summary>
[SceneKind("holes-irregular-small", "much smaller oval, dented holes on the same pitch (ReNIn's 2nd SDF01)")]
public sealed class SmallIrregularHolesScene(NamedSpec spec)
    : HoleArrayScene("holes-irregular-small", new HoleArrayParameters(Radius: 0.15, Aspect: 0.2, Dent: 0.10, InnerContrast: 0.015, RimWidth: 0.02), spec);
