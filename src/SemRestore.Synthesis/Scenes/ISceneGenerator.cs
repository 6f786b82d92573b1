namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Renders one kind of clean wafer scene from a seed. Create by name with <see cref="SceneGeneratorRegistry.Create(string)"/>,
/// for example <c>holes</c> or <c>holes:radius=0.3,jitter=0</c>.
/// </summary>
public interface ISceneGenerator
{
    /// <summary>The registered kind, for example <c>holes-irregular</c>.</summary>
    string Kind { get; }

    /// <summary>The parameters in effect (a record; written into the manifest).</summary>
    object Parameters { get; }

    /// <summary>
    /// Renders a <paramref name="width"/> x <paramref name="height"/> scene plus <paramref name="margin"/> pixels of
    /// continued pattern on each side. Deterministic from <paramref name="seed"/>, independent of the thread count.
    /// </summary>
    /// <param name="defects">Defects to draw (missing hole, bridge, particle, scratch); 0 for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">Size or margin out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    SceneRender Render(int width, int height, int margin, ulong seed, int defects = 0, CancellationToken cancellationToken = default);
}
