namespace SemRestore.Training.Data;

/// <summary>
/// One scene of a dataset: its frame files by key (see <see cref="FrameKeys"/>), known offsets, the split it
/// belongs to and, optionally, the acquisition of each frame when it does not follow the naming convention.
/// </summary>
/// <param name="Name">Scene name, unique within the dataset (for example <c>scene-000</c>).</param>
/// <param name="Split">Train, validation or test.</param>
/// <param name="Frames">Frame key to image path.</param>
/// <param name="Offsets">Known offsets against the reference frame (synthesis manifests carry them); missing keys are computed or zero.</param>
/// <param name="Acquisitions">Acquisition id per key; missing keys use <see cref="FrameKeys.DefaultAcquisition"/>.</param>
/// <param name="Kind">Scene kind when known (synthesis: <c>holes</c>, <c>holes-irregular</c>, ...), for grouping results.</param>
/// <param name="CirclesPath">Ground-truth circles.json (clean-image coordinates) for the circle-detection failure rate, when known.</param>
public sealed record SceneSource(
    string Name,
    DatasetSplit Split,
    IReadOnlyDictionary<string, string> Frames,
    IReadOnlyDictionary<string, FrameOffset>? Offsets = null,
    IReadOnlyDictionary<string, int>? Acquisitions = null,
    string? Kind = null,
    string? CirclesPath = null)
{
    /// <summary>The acquisition of a frame of this scene.</summary>
    public int AcquisitionOf(string key) =>
        Acquisitions is not null && Acquisitions.TryGetValue(key, out var id) ? id : FrameKeys.DefaultAcquisition(key);

    /// <summary>Whether the noise of two frames is independent (different acquisitions, or one is noise-free).</summary>
    public bool AreIndependent(string first, string second)
    {
        var a = AcquisitionOf(first);
        var b = AcquisitionOf(second);
        return a == 0 || b == 0 || a != b;
    }
}
