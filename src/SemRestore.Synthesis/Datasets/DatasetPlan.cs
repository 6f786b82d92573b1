using SemRestore.Synthesis.Acquisition;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Datasets;

/// <summary>
/// What <see cref="SyntheticDataset"/> generates: scenes (kind and split), image size, frame counts, seed,
/// acquisition model, defects per scene, the bit depth of the noisy files, and whether to write the raw frames of
/// acquisition 2 as a stack (<c>frames.tif</c>; slower: one noise draw per frame).
/// </summary>
public sealed record DatasetPlan(
    IReadOnlyList<DatasetSceneRequest> Scenes,
    int Width = 1024,
    int Height = 768,
    IReadOnlyList<int>? Frames = null,
    ulong Seed = 7,
    AcquisitionOptions? Acquisition = null,
    int Defects = 0,
    int BitDepth = 8,
    string? Preset = null,
    bool Stack = false)
{
    /// <summary>The default frame list: 1, 2, 8, 16, 32, 64.</summary>
    public static IReadOnlyList<int> DefaultFrames { get; } = [1, 2, 8, 16, 32, 64];

    private static readonly string[] s_splits = ["train", "validation", "test"];

    /// <summary>
    /// The ReNIn-like split: scenes 000-004 regular <c>holes</c> for training (5, as in the paper), 005 a sixth regular
    /// scene for validation (early stopping without touching the test scenes), 006 regular <c>holes</c> test,
    /// 007 <c>holes-irregular</c> test (1st SDF01), 008 <c>holes-irregular-small</c> test (2nd SDF01).
    /// </summary>
    public static DatasetPlan Renin(int width = 1024, int height = 768, ulong seed = 7, IReadOnlyList<int>? frames = null,
        AcquisitionOptions? acquisition = null, int defects = 0, int bitDepth = 8) =>
        new(
            [
                new("holes", "train"), new("holes", "train"), new("holes", "train"), new("holes", "train"), new("holes", "train"),
                new("holes", "validation"),
                new("holes", "test"), new("holes-irregular", "test"), new("holes-irregular-small", "test"),
            ],
            width, height, frames, seed, acquisition, defects, bitDepth, "renin");

    /// <summary>The normalised frame list (1 always included).</summary>
    public IReadOnlyList<int> FrameCounts => AcquisitionSimulator.NormaliseFrames(Frames ?? DefaultFrames);

    public AcquisitionOptions AcquisitionOrDefault => Acquisition ?? AcquisitionOptions.Default;

    /// <summary>Throws naming the field and the allowed range.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public DatasetPlan Validate()
    {
        if (Scenes is null || Scenes.Count == 0 || Scenes.Count > 10000)
        {
            throw new ArgumentException($"A dataset needs 1..10000 scenes, got {Scenes?.Count ?? 0}.", nameof(Scenes));
        }

        if (Width < 16 || Height < 16 || Width > 32768 || Height > 32768)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), $"Size must be 16..32768 per side, got {Width}x{Height}.");
        }

        if ((long)Width * Height > SceneCanvas.MaxPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), $"Size {Width}x{Height} exceeds {SceneCanvas.MaxPixels / 1_000_000} megapixels per scene.");
        }

        if (BitDepth is not (8 or 16 or 32))
        {
            throw new ArgumentOutOfRangeException(nameof(BitDepth), $"Bit depth must be 8, 16 or 32, got {BitDepth}.");
        }

        if (Defects is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Defects), $"Defects per scene must be in [0, 1000], got {Defects}.");
        }

        foreach (var scene in Scenes)
        {
            if (Array.IndexOf(s_splits, scene.Split) < 0)
            {
                throw new ArgumentException($"Split must be one of {string.Join(", ", s_splits)}, got '{scene.Split}'.", nameof(Scenes));
            }
        }

        AcquisitionOrDefault.Validate();
        _ = FrameCounts;
        return this;
    }
}
