namespace SemRestore.Training.Data;

/// <summary>How a <see cref="FrameDataset"/> aligns and holds its frames.</summary>
/// <param name="ReferenceFrames">Keys tried in order as the registration reference of a scene (the first one present wins).</param>
/// <param name="Aligner">Estimates offsets the scene does not list; null keeps them at zero.</param>
/// <param name="CacheBytes">Most bytes of decoded frames kept in memory (default 2 GiB); more data streams from disk.</param>
/// <param name="CacheDirectory">Where the alignment is cached between runs (null: not cached on disk).</param>
/// <param name="BorderCrop">Pixels removed on every side after alignment (ReNIn removes 41 around its +-40 search).</param>
/// <param name="Reader">Decodes frame files (null: <see cref="ImageFileFrameReader"/>).</param>
public sealed record FrameDatasetOptions(
    IReadOnlyList<string>? ReferenceFrames = null,
    IFrameAligner? Aligner = null,
    long CacheBytes = 2L << 30,
    string? CacheDirectory = null,
    int BorderCrop = 0,
    IFrameReader? Reader = null)
{
    public IFrameReader EffectiveReader => Reader ?? ImageFileFrameReader.Instance;

    /// <summary>Default reference order: ground truth, then the longest average.</summary>
    public static IReadOnlyList<string> DefaultReferenceFrames { get; } = ["clean", "F64", "F32", "F16", "F08"];

    public IReadOnlyList<string> EffectiveReferenceFrames => ReferenceFrames ?? DefaultReferenceFrames;
}
