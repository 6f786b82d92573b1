using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>Regular channel holes: a 9 x 12 array (108 holes) of circles with bright rims and a faint inner circle (ReNIn's training scenes).</summary>
[SceneKind("holes", "9x12 regular circular channel holes: bright rims, faint inner circle, slow gradient")]
public sealed class HolesScene(NamedSpec spec) : HoleArrayScene("holes", new HoleArrayParameters(), spec);
