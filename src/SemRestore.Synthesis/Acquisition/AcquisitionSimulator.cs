using System.Numerics.Tensors;
using SemRestore.Imaging;
using SemRestore.Synthesis.Noise;
using SemRestore.Synthesis.Randomness;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Acquisition;

/// <summary>
/// "Acquires" a clean scene like an SEM: frames with Poisson shot noise at a dose per frame, Gaussian read noise and
/// scan-line correlation (<see cref="NoiseKernels.Sem"/>), slow sub-pixel drift between frames, and F_n = the mean of
/// the first n frames as the tool computes it on board (unregistered). As in the ReNIn data, a scene is acquired
/// twice with independent noise: acquisition 1 gives F01; acquisition 2 gives F01b and the averages F02, F08, ... of its
/// own frames, so (F01, F08) is a relaxed Noise2Noise pair and (F01, F01b) a Noise2Noise pair. Every file carries a
/// random whole-image integer offset of up to <see cref="AcquisitionOptions.MaxOffset"/> pixels per axis.
/// </summary>
/// <remarks>
/// Speed without approximation: the averages are nested (F02 holds frames 1-2, F08 frames 1-8, ...), so frames are
/// grouped into blocks between consecutive requested counts and each block is drawn at once. A sum of independent
/// Poisson variables is Poisson with the summed mean and a sum of Gaussians is Gaussian, and the scan filter is
/// linear, so one draw per block with mean sum_k dose * x_k and read variance n * read^2 has exactly the distribution
/// of the n frames summed: the frame list 1,2,8,16,32,64 costs 6 noise draws instead of 64. Frames are accumulated
/// unclipped (on-board integration at higher precision); each written average is clipped to [0, 1].
/// Drift: frame k of an acquisition is displaced by d_k, d_0 = 0, d_k = d_(k-1) + v + e_k, with v of length
/// <see cref="AcquisitionOptions.DriftPerFrame"/> in a random direction and e_k ~ N(0, jitter^2) per axis, clamped to
/// 3 sigma. A block's clean signal is the sum of the scene shifted by each d_k (cubic interpolation), with drifts
/// rounded to 1/32 px so frames at the same position share one shift.
/// </remarks>
public sealed class AcquisitionSimulator
{
    private const ulong DriftPurpose = 0x4452494654UL;
    private const ulong OffsetPurpose = 0x4F4646534554UL;
    private const ulong FramePurpose = 0x4652414D45UL;
    private const ulong SingleFramePurpose = 0x53494E474C45UL;
    private const double DriftQuantum = 1.0 / 32;

    /// <summary>Offset key of a raw-frame stack (averages use their frame count, so 0 never collides).</summary>
    private const int StackOffsetKey = 0;

    public AcquisitionSimulator(AcquisitionOptions? options = null)
    {
        Options = (options ?? AcquisitionOptions.Default).Validate();
    }

    public AcquisitionOptions Options { get; }

    /// <summary>The scene margin needed for offsets and drift up to <paramref name="maxFrames"/> frames (plus cubic taps).</summary>
    public int RequiredMargin(int maxFrames) =>
        Options.MaxOffset + (int)Math.Ceiling(maxFrames * (Options.DriftPerFrame + 3 * Options.DriftJitter)) + 3;

    /// <summary>The file name for <paramref name="frames"/> averaged frames of an acquisition: F01 (acquisition 1), F01b, F02, F08, F64, F128.</summary>
    public static string FileName(int frames, int acquisition) =>
        frames == 1 && acquisition == 1 ? "F01" : frames == 1 ? "F01b" : "F" + frames.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks and normalises a frame list: distinct counts in [1, 4096], sorted; 1 is added when missing.</summary>
    /// <exception cref="ArgumentException">Empty list or a count out of range.</exception>
    public static IReadOnlyList<int> NormaliseFrames(IEnumerable<int> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var set = new SortedSet<int> { 1 };
        foreach (var n in frames)
        {
            if (n < 1 || n > 4096)
            {
                throw new ArgumentException($"Frame counts must be in [1, 4096], got {n}.", nameof(frames));
            }

            set.Add(n);
        }

        return set.ToList();
    }

    /// <summary>
    /// Acquires F01 (acquisition 1) and F01b plus every average in <paramref name="frames"/> (acquisition 2).
    /// Deterministic from <paramref name="seed"/>, independent of the thread count.
    /// </summary>
    /// <exception cref="ArgumentException">The scene's margin is smaller than <see cref="RequiredMargin"/>.</exception>
    public IReadOnlyList<AcquiredFile> Acquire(SceneRender scene, IEnumerable<int> frames, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var counts = NormaliseFrames(frames);
        EnsureMargin(scene, counts[^1]);
        var files = new List<AcquiredFile>(counts.Count + 1);
        files.AddRange(AcquireAverages(scene, 1, [1], seed, null, cancellationToken));
        files.AddRange(AcquireAverages(scene, 2, counts, seed, null, cancellationToken));
        return files;
    }

    /// <summary>
    /// Like <see cref="Acquire"/>, but acquisition 2 is drawn frame by frame, so its raw frames can be written as a stack:
    /// returns the files (F01, F01b, F02, ...) and the raw frames 0..max-1 of acquisition 2 (clipped; each at the stack's
    /// integer offset plus its drift; the same frames as <see cref="AcquireFrames"/>). F_n is exactly the mean of the
    /// first n raw frames before clipping. Costs one noise draw per frame instead of one per requested count.
    /// </summary>
    public (IReadOnlyList<AcquiredFile> Files, IReadOnlyList<AcquiredFile> Frames) AcquireWithFrames(SceneRender scene, IEnumerable<int> frames, ulong seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var counts = NormaliseFrames(frames);
        EnsureMargin(scene, counts[^1]);
        var raw = new List<AcquiredFile>(counts[^1]);
        var files = new List<AcquiredFile>(counts.Count + 1);
        files.AddRange(AcquireAverages(scene, 1, [1], seed, null, cancellationToken));
        files.AddRange(AcquireAverages(scene, 2, counts, seed, raw, cancellationToken));
        return (files, raw);
    }

    /// <summary>
    /// The individual raw frames 0..count-1 of one acquisition, each its own noise draw (not unclipped sums), at one
    /// shared whole-image offset. For tests and for users who need stacks; <see cref="Acquire"/> is what datasets use
    /// (and <see cref="AcquireWithFrames"/> when they also write the stack).
    /// Returns the frames and the offset of each (integer offset plus that frame's drift).
    /// </summary>
    public IReadOnlyList<AcquiredFile> AcquireFrames(SceneRender scene, int acquisition, int count, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        EnsureMargin(scene, count);
        var drift = Drift(acquisition, count, seed);
        var (ox, oy) = FileOffset(seed, acquisition, StackOffsetKey);
        var frames = new List<AcquiredFile>(count);
        for (var k = 0; k < count; k++)
        {
            var canvas = BlockCanvas(scene, drift, k, k + 1, CounterRandom.Key(seed, SingleFramePurpose, (ulong)acquisition, (ulong)k), cancellationToken);
            TensorPrimitives.Clamp(canvas.Pixels, 0f, 1f, canvas.Pixels);
            frames.Add(new AcquiredFile($"frame-{k:000}", Crop(canvas, Options.MaxOffset - ox, Options.MaxOffset - oy, scene.Width, scene.Height),
                ox + drift[k].X, oy + drift[k].Y, 1, acquisition));
        }

        return frames;
    }

    /// <summary>Drift d_k of frames 0..count-1 of an acquisition, in pixels (d_0 = 0).</summary>
    public IReadOnlyList<(double X, double Y)> Drift(int acquisition, int count, ulong seed)
    {
        var random = new CounterRandom(seed, DriftPurpose, (ulong)acquisition);
        var (sin, cos) = Math.SinCos(random.NextUniform(0, 2 * Math.PI));
        var vx = cos * Options.DriftPerFrame;
        var vy = sin * Options.DriftPerFrame;
        var drift = new (double X, double Y)[count];
        for (var k = 1; k < count; k++)
        {
            var ex = Math.Clamp(random.NextGaussian(), -3, 3) * Options.DriftJitter;
            var ey = Math.Clamp(random.NextGaussian(), -3, 3) * Options.DriftJitter;
            drift[k] = (drift[k - 1].X + vx + ex, drift[k - 1].Y + vy + ey);
        }

        return drift;
    }

    /// <summary>
    /// The averages of one acquisition. With <paramref name="rawFrames"/> null, frames between consecutive requested
    /// counts are drawn as one block; otherwise every frame is its own draw (the stream of <see cref="AcquireFrames"/>),
    /// its clipped crop at the stack offset goes to <paramref name="rawFrames"/>, and the averages are their unclipped means.
    /// </summary>
    private IEnumerable<AcquiredFile> AcquireAverages(SceneRender scene, int acquisition, IReadOnlyList<int> counts, ulong seed,
        List<AcquiredFile>? rawFrames, CancellationToken cancellationToken)
    {
        var drift = Drift(acquisition, counts[^1], seed);
        var margin = Options.MaxOffset;
        var (stackX, stackY) = FileOffset(seed, acquisition, StackOffsetKey);
        var ends = rawFrames is null ? counts : Enumerable.Range(1, counts[^1]).ToList();
        GrayImage? sum = null;
        var start = 0;
        var next = 0;
        for (var b = 0; b < ends.Count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = ends[b];
            var blockSeed = rawFrames is null
                ? CounterRandom.Key(seed, FramePurpose, (ulong)acquisition, (ulong)b)
                : CounterRandom.Key(seed, SingleFramePurpose, (ulong)acquisition, (ulong)start);
            var block = BlockCanvas(scene, drift, start, end, blockSeed, cancellationToken);
            if (rawFrames is not null)
            {
                var frame = Crop(block, margin - stackX, margin - stackY, scene.Width, scene.Height);
                TensorPrimitives.Clamp(frame.Pixels, 0f, 1f, frame.Pixels);
                rawFrames.Add(new AcquiredFile($"frame-{start:000}", frame, stackX + drift[start].X, stackY + drift[start].Y, 1, acquisition));
            }

            if (sum is null)
            {
                sum = block;
            }
            else
            {
                TensorPrimitives.Add(sum.Pixels, block.Pixels, sum.Pixels);
            }

            start = end;
            if (end != counts[next])
            {
                continue;
            }

            next++;
            var (ox, oy) = FileOffset(seed, acquisition, end);
            var average = Crop(sum, margin - ox, margin - oy, scene.Width, scene.Height);
            TensorPrimitives.Multiply(average.Pixels, 1f / end, average.Pixels);
            TensorPrimitives.Clamp(average.Pixels, 0f, 1f, average.Pixels);
            double meanX = 0, meanY = 0;
            for (var k = 0; k < end; k++)
            {
                meanX += drift[k].X;
                meanY += drift[k].Y;
            }

            yield return new AcquiredFile(FileName(end, acquisition), average, ox + meanX / end, oy + meanY / end, end, acquisition);
        }
    }

    /// <summary>
    /// The unclipped sum of frames [start, end) over the acquisition canvas (image plus MaxOffset on each side):
    /// the drifted clean sum plus one noise draw with dose n * Dose and read noise Read / sqrt(n) on the block mean.
    /// </summary>
    private GrayImage BlockCanvas(SceneRender scene, IReadOnlyList<(double X, double Y)> drift, int start, int end, ulong blockSeed,
        CancellationToken cancellationToken)
    {
        var n = end - start;
        var margin = Options.MaxOffset;
        var mean = new GrayImage(scene.Width + 2 * margin, scene.Height + 2 * margin);
        var groups = new Dictionary<(long, long), int>();
        for (var k = start; k < end; k++)
        {
            var key = ((long)Math.Round(drift[k].X / DriftQuantum), (long)Math.Round(drift[k].Y / DriftQuantum));
            groups[key] = groups.GetValueOrDefault(key) + 1;
        }

        // Sorted so the float summation order, and so the bytes, never depend on dictionary order.
        foreach (var ((qx, qy), count) in groups.OrderBy(pair => pair.Key))
        {
            // acquisition canvas(p) = clean(p - margin - d) = scene canvas(p + scene margin - margin - d)
            var shift = scene.Margin - margin;
            SubPixelShift.AccumulateShifted(scene.Canvas, shift - qx * DriftQuantum, shift - qy * DriftQuantum, (float)count / n, mean, cancellationToken);
        }

        var dose = Options.Dose * n;
        var read = Options.ReadNoise / Math.Sqrt(n);
        var rho = Options.ScanCorrelation;
        var width = mean.Width;
        Parallel.For(0, mean.Height, RowParallelism.Options(cancellationToken), () => new float[NoiseKernels.SemScratchLength(width)],
            (y, _, scratch) =>
            {
                var random = new CounterRandom(blockSeed, (ulong)y);
                var row = mean.Pixels.AsSpan(y * width, width);
                NoiseKernels.Sem(row, row, dose, read, rho, clip: false, ref random, scratch);
                TensorPrimitives.Multiply(row, n, row);
                return scratch;
            }, _ => { });
        return mean;
    }

    private (int X, int Y) FileOffset(ulong seed, int acquisition, int frames)
    {
        if (Options.MaxOffset == 0)
        {
            return (0, 0);
        }

        var random = new CounterRandom(seed, OffsetPurpose, (ulong)acquisition, (ulong)frames);
        return (random.NextInt(-Options.MaxOffset, Options.MaxOffset), random.NextInt(-Options.MaxOffset, Options.MaxOffset));
    }

    private void EnsureMargin(SceneRender scene, int maxFrames)
    {
        var needed = RequiredMargin(maxFrames);
        if (scene.Margin < needed)
        {
            throw new ArgumentException(
                $"The scene was rendered with margin {scene.Margin} px but offsets up to {Options.MaxOffset} px and drift over {maxFrames} frames need {needed} px; render it with RequiredMargin({maxFrames}).",
                nameof(scene));
        }
    }

    private static GrayImage Crop(GrayImage source, int left, int top, int width, int height)
    {
        var crop = new GrayImage(width, height);
        for (var y = 0; y < height; y++)
        {
            source.Pixels.AsSpan((top + y) * source.Width + left, width).CopyTo(crop.Row(y));
        }

        return crop;
    }
}
