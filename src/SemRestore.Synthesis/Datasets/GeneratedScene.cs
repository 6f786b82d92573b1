using SemRestore.Imaging;
using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Datasets;

/// <summary>One scene of a dataset in memory: the generator that made it, its render, the clean image, the acquired files and, when the plan asks for a stack, the raw frames of acquisition 2.</summary>
public sealed record GeneratedScene(
    string Name,
    string Split,
    ulong Seed,
    ISceneGenerator Generator,
    SceneRender Render,
    GrayImage Clean,
    IReadOnlyList<AcquiredFile> Files,
    IReadOnlyList<AcquiredFile>? RawFrames = null);
