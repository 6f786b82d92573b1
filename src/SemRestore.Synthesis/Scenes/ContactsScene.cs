using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>A dense contact-hole array: 18 x 24 small round contacts with bright rims and no inner structure.</summary>
[SceneKind("contacts", "18x24 dense contact-hole array, small holes, no inner circle")]
public sealed class ContactsScene(NamedSpec spec)
    : HoleArrayScene("contacts", new HoleArrayParameters(Rows: 18, Columns: 24, Radius: 0.28, RimWidth: 0.04, InnerContrast: 0, Interior: 0.08), spec);
