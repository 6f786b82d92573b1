using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>ReNIn's "structurally different" scene (1st SDF01): oval holes (aspect 0.8-1.2) with dented, bumpy rims; inner circle barely visible.</summary>
[SceneKind("holes-irregular", "oval (aspect 0.8-1.2), dented holes; inner circle barely visible (ReNIn's 1st SDF01)")]
public sealed class IrregularHolesScene(NamedSpec spec)
    : HoleArrayScene("holes-irregular", new HoleArrayParameters(Radius: 0.30, Aspect: 0.2, Dent: 0.06, InnerContrast: 0.025), spec);
