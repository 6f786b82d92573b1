using System.Text.Json.Serialization;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Ground truth of one round feature (hole, contact, bump, particle) in pixels of <c>clean.tif</c>: pixel (x, y)
/// has its centre at coordinate (x, y). <see cref="R"/> is where the rendered rim brightness peaks (mean radius for
/// ovals); <see cref="Rx"/>, <see cref="Ry"/> and <see cref="Angle"/> (radians) describe ovals and are omitted for circles.
/// </summary>
public sealed record SceneCircle(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("r")] double R,
    [property: JsonPropertyName("rx"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Rx = null,
    [property: JsonPropertyName("ry"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Ry = null,
    [property: JsonPropertyName("angle"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Angle = null);
