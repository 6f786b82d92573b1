using SemRestore.Imaging;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>Whole-image application of an <see cref="INoiseModel"/>: rows in parallel, each from the stream keyed by (seed, row).</summary>
public static class NoiseModelExtensions
{
    /// <summary>Stream purpose tag for noise models, so their streams never coincide with other generators' streams.</summary>
    internal const ulong StreamPurpose = 0x4E4F495345UL; // "NOISE"

    /// <summary>A noisy copy of <paramref name="clean"/> (same size, 32-bit), deterministic from <paramref name="seed"/> and independent of the thread count.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static GrayImage Apply(this INoiseModel model, GrayImage clean, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clean);
        var noisy = clean.CreateLike();
        noisy.BitDepth = 32;
        var width = clean.Width;
        var scratchLength = model.ScratchLength(width);
        var options = RowParallelism.Options(cancellationToken);
        Parallel.For(0, clean.Height, options, () => new float[scratchLength], (y, _, scratch) =>
        {
            var random = new CounterRandom(seed, StreamPurpose, (ulong)y);
            model.ApplyRow(clean.Pixels.AsSpan(y * width, width), noisy.Pixels.AsSpan(y * width, width), ref random, scratch);
            return scratch;
        }, _ => { });
        return noisy;
    }

    /// <summary>
    /// Span form of <see cref="Apply(INoiseModel, GrayImage, ulong, CancellationToken)"/> (single-threaded, same values):
    /// <paramref name="clean"/> and <paramref name="noisy"/> hold width * height pixels, row-major.
    /// </summary>
    /// <exception cref="ArgumentException">The spans are not width * height long.</exception>
    public static void Apply(this INoiseModel model, ReadOnlySpan<float> clean, Span<float> noisy, int width, int height, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (clean.Length != width * height || noisy.Length != width * height)
        {
            throw new ArgumentException($"Both spans must hold {width}x{height} = {width * height} pixels, got {clean.Length} and {noisy.Length}.", nameof(clean));
        }

        var scratch = new float[model.ScratchLength(width)];
        for (var y = 0; y < height; y++)
        {
            var random = new CounterRandom(seed, StreamPurpose, (ulong)y);
            model.ApplyRow(clean.Slice(y * width, width), noisy.Slice(y * width, width), ref random, scratch);
        }
    }
}
