using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;

namespace SemRestore.Training.Data;

/// <summary>
/// Scenes with aligned frames. Alignment (known offsets, or an <see cref="IFrameAligner"/> such as PSNR
/// matching) and the crop to the region every frame covers are computed once when the dataset is built
/// (and cached on disk); frames are then decoded lazily through a byte-bounded <see cref="FrameCache"/>.
/// </summary>
public sealed class FrameDataset
{
    private readonly SceneAlignment[] _alignments;
    private readonly FrameCache _cache;

    private FrameDataset(IReadOnlyList<SceneSource> scenes, SceneAlignment[] alignments, FrameDatasetOptions options)
    {
        Scenes = scenes;
        _alignments = alignments;
        Options = options;
        _cache = new FrameCache(options.CacheBytes);
    }

    public IReadOnlyList<SceneSource> Scenes { get; }

    public FrameDatasetOptions Options { get; }

    /// <summary>The frame cache (exposed for diagnostics and tests of the memory bound).</summary>
    public FrameCache Cache => _cache;

    /// <summary>Aligns every scene and returns the dataset.</summary>
    /// <exception cref="InvalidInputException">No scenes, duplicate names, a missing frame file, no reference frame, or frames that do not overlap.</exception>
    public static FrameDataset Build(IReadOnlyList<SceneSource> scenes, FrameDatasetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        options ??= new FrameDatasetOptions();
        if (scenes.Count == 0)
        {
            throw new InvalidInputException("The dataset has no scenes.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scene in scenes)
        {
            if (!names.Add(scene.Name))
            {
                throw new InvalidInputException($"Scene name '{scene.Name}' appears twice in the dataset.");
            }

            foreach (var (key, path) in scene.Frames)
            {
                if (!File.Exists(path))
                {
                    throw new InvalidInputException($"Scene '{scene.Name}': frame {key} file '{path}' does not exist.");
                }
            }
        }

        var cached = LoadAlignmentCache(options.CacheDirectory);
        var alignments = new SceneAlignment[scenes.Count];
        var changed = false;
        for (var i = 0; i < scenes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stamp = StampOf(scenes[i], options);
            if (cached.TryGetValue(stamp, out var alignment))
            {
                alignments[i] = alignment;
                continue;
            }

            alignments[i] = Align(scenes[i], options, cancellationToken);
            cached[stamp] = alignments[i];
            changed = true;
        }

        if (changed)
        {
            SaveAlignmentCache(options.CacheDirectory, cached);
        }

        return new FrameDataset(scenes, alignments, options);
    }

    /// <summary>Indices of the scenes in <paramref name="split"/>, in dataset order.</summary>
    public IReadOnlyList<int> ScenesIn(DatasetSplit split)
    {
        var indices = new List<int>();
        for (var i = 0; i < Scenes.Count; i++)
        {
            if (Scenes[i].Split == split)
            {
                indices.Add(i);
            }
        }

        return indices;
    }

    /// <summary>The alignment of scene <paramref name="sceneIndex"/>.</summary>
    public SceneAlignment AlignmentOf(int sceneIndex) => _alignments[sceneIndex];

    /// <summary>Whether scene <paramref name="sceneIndex"/> has frame <paramref name="key"/>.</summary>
    public bool HasFrame(int sceneIndex, string key) => Scenes[sceneIndex].Frames.ContainsKey(key);

    /// <summary>The aligned crop of one frame (shared: do not modify it).</summary>
    /// <exception cref="InvalidInputException">The scene has no such frame.</exception>
    public GrayImage GetFrame(int sceneIndex, string key)
    {
        var scene = Scenes[sceneIndex];
        if (!scene.Frames.TryGetValue(key, out var path))
        {
            throw new InvalidInputException(
                $"Scene '{scene.Name}' has no frame {key}; it has {string.Join(", ", scene.Frames.Keys)}.");
        }

        var alignment = _alignments[sceneIndex];
        return _cache.GetOrLoad(scene.Name + "\n" + key, () =>
        {
            var image = Options.EffectiveReader.Read(path);
            var offset = alignment.Offsets.TryGetValue(key, out var o) ? o : FrameOffset.Zero;
            return Crop(image, alignment.Left + offset.X, alignment.Top + offset.Y, alignment.Width, alignment.Height);
        });
    }

    /// <summary>
    /// SHA-256 over the frame files' bytes, scene names, splits and alignments: two runs with the same hash saw the same data.
    /// </summary>
    public string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        for (var i = 0; i < Scenes.Count; i++)
        {
            var scene = Scenes[i];
            var a = _alignments[i];
            hash.AppendData(Encoding.UTF8.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{scene.Name}|{scene.Split}|{a.Left},{a.Top},{a.Width},{a.Height}\n")));
            foreach (var key in scene.Frames.Keys.Order(StringComparer.Ordinal))
            {
                var offset = a.Offsets.TryGetValue(key, out var o) ? o : FrameOffset.Zero;
                hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}:{offset.X},{offset.Y}\n")));
                using var stream = File.OpenRead(scene.Frames[key]);
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A copy of the <paramref name="width"/> x <paramref name="height"/> region at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    internal static GrayImage Crop(GrayImage image, int left, int top, int width, int height)
    {
        if (left < 0 || top < 0 || left + width > image.Width || top + height > image.Height)
        {
            throw new InvalidInputException(
                $"Aligned region {width}x{height} at ({left},{top}) leaves the {image.Width}x{image.Height} frame.");
        }

        return left == 0 && top == 0 && width == image.Width && height == image.Height
            ? image
            : Imaging.Geometry.ImageGeometry.Crop(image, left, top, width, height);
    }

    private static SceneAlignment Align(SceneSource scene, FrameDatasetOptions options, CancellationToken cancellationToken)
    {
        var reference = options.EffectiveReferenceFrames.FirstOrDefault(scene.Frames.ContainsKey)
            ?? scene.Frames.Keys.Order(StringComparer.Ordinal).First();
        var reader = options.EffectiveReader;
        var referenceSize = reader.ProbeSize(scene.Frames[reference]);
        GrayImage? referenceImage = null;
        var offsets = new Dictionary<string, FrameOffset>(StringComparer.Ordinal);
        int left = 0, top = 0, right = referenceSize.Width, bottom = referenceSize.Height;
        foreach (var (key, path) in scene.Frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FrameOffset offset;
            if (key == reference)
            {
                offset = FrameOffset.Zero;
            }
            else if (scene.Offsets is not null && scene.Offsets.TryGetValue(key, out var known))
            {
                // Manifest offsets are relative to the clean image; re-express them against the chosen reference.
                var referenceOffset = scene.Offsets.TryGetValue(reference, out var r) ? r : FrameOffset.Zero;
                offset = new FrameOffset(known.X - referenceOffset.X, known.Y - referenceOffset.Y);
            }
            else if (options.Aligner is not null)
            {
                referenceImage ??= reader.Read(scene.Frames[reference]);
                offset = options.Aligner.Estimate(referenceImage, reader.Read(path), cancellationToken);
            }
            else
            {
                offset = FrameOffset.Zero;
            }

            offsets[key] = offset;
            var info = key == reference ? referenceSize : reader.ProbeSize(path);
            left = Math.Max(left, -offset.X);
            top = Math.Max(top, -offset.Y);
            right = Math.Min(right, info.Width - offset.X);
            bottom = Math.Min(bottom, info.Height - offset.Y);
        }

        var border = options.BorderCrop;
        left += border;
        top += border;
        right -= border;
        bottom -= border;
        if (right - left < 1 || bottom - top < 1)
        {
            throw new InvalidInputException(
                $"Scene '{scene.Name}': after alignment (border crop {border}) its frames share no region; check the offsets.");
        }

        return new SceneAlignment(reference, left, top, right - left, bottom - top, offsets);
    }

    // The stamp changes whenever a file, the aligner or the border changes, so a stale cache is never used.
    private static string StampOf(SceneSource scene, FrameDatasetOptions options)
    {
        var builder = new StringBuilder();
        builder.Append(scene.Name).Append('|').Append(options.Aligner?.Description ?? "none").Append('|')
            .Append(options.BorderCrop).Append('|').Append(string.Join(",", options.EffectiveReferenceFrames));
        foreach (var key in scene.Frames.Keys.Order(StringComparer.Ordinal))
        {
            var file = new FileInfo(scene.Frames[key]);
            builder.Append('|').Append(key).Append('=').Append(file.FullName).Append(':').Append(file.Length)
                .Append(':').Append(file.LastWriteTimeUtc.Ticks);
            if (scene.Offsets is not null && scene.Offsets.TryGetValue(key, out var o))
            {
                builder.Append('@').Append(o.X).Append(',').Append(o.Y);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static string? CachePath(string? directory) =>
        directory is null ? null : Path.Combine(directory, "alignment-cache.json");

    private static Dictionary<string, SceneAlignment> LoadAlignmentCache(string? directory)
    {
        var path = CachePath(directory);
        if (path is null || !File.Exists(path))
        {
            return new Dictionary<string, SceneAlignment>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, SceneAlignment>>(File.ReadAllText(path))
                ?? new Dictionary<string, SceneAlignment>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A corrupt cache only costs a recomputation.
            return new Dictionary<string, SceneAlignment>(StringComparer.Ordinal);
        }
    }

    private static void SaveAlignmentCache(string? directory, Dictionary<string, SceneAlignment> entries)
    {
        var path = CachePath(directory);
        if (path is not null)
        {
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(entries, new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
