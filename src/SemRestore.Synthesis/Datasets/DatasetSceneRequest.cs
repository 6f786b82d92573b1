namespace SemRestore.Synthesis.Datasets;

/// <summary>One scene to generate: its kind spec (for example <c>holes</c> or <c>holes:radius=0.3</c>) and its split.</summary>
/// <param name="Kind">A <see cref="Scenes.SceneGeneratorRegistry"/> spec.</param>
/// <param name="Split"><c>train</c>, <c>validation</c> or <c>test</c>.</param>
public sealed record DatasetSceneRequest(string Kind, string Split = "train");
