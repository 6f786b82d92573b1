using SemRestore.Classical.Internal;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Median;

/// <summary>
/// Exact k x k median filter for float images, applied <see cref="MedianOptions.Passes"/> times.
/// </summary>
/// <remarks>
/// "Exact" means every output pixel is bit-identical to the middle element (rank (k*k - 1) / 2) of the
/// sorted k x k window of input float values, for any finite float input; no quantisation. Sizes 3 and 5
/// use SIMD selection networks over pre-sorted columns (8 pixels per instruction). Larger sizes run
/// Huang's sliding histogram with a two-level (256 x 256) histogram over 16-bit codes: when the image
/// holds at most one value per code (every 8- or 16-bit source, and repeated passes, since a median
/// only ever outputs input values) the code gives the value directly; otherwise the code bucket is
/// resolved exactly by ranking the few window pixels that fall into it. Borders follow
/// <see cref="MedianOptions.Border"/>.
/// </remarks>
[Denoiser("median")]
public sealed class MedianDenoiser : IDenoiser
{
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public MedianDenoiser(MedianOptions? options = null)
    {
        Options = options ?? new MedianOptions();
        Options.Validate();
    }

    /// <summary>The validated options this denoiser runs with.</summary>
    public MedianOptions Options { get; }

    /// <summary>The canonical spec with every option, e.g. what <see cref="DenoiserRegistry.Create(string)"/> accepts back.</summary>
    public string Description => Options.ToSpec();

    /// <summary>Registry factory: <c>median:size=..,passes=..,border=..</c>.</summary>
    public static MedianDenoiser FromSpec(NamedSpec spec) => new(MedianOptions.FromSpec(spec));

    /// <exception cref="InvalidInputException">The image holds NaN or infinity.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Options.Size is not (3 or 5))
        {
            // Sizes 3 and 5 check each row while filtering (the first pass); a median only outputs input values.
            InputGuard.EnsureFinite(input, "median");
        }

        if (Options.Size == 1)
        {
            return input.Clone();
        }

        // Ping-pong between two buffers; the input is only read.
        var output = InputGuard.CreateUninitializedLike(input);
        var spare = Options.Passes > 1 ? GC.AllocateUninitializedArray<float>(input.Pixels.Length) : null;
        var source = input.Pixels;
        for (var pass = 0; pass < Options.Passes; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The last pass must land in output.Pixels: alternate so that it does.
            var destination = (Options.Passes - 1 - pass) % 2 == 0 ? output.Pixels : spare!;
            if (!Filter(source, destination, input.Width, input.Height, cancellationToken))
            {
                InputGuard.EnsureFinite(input, "median"); // throws, naming the first non-finite pixel
            }

            source = destination;
        }

        return output;
    }

    /// <returns>False when the source holds a non-finite value (sizes 3 and 5 detect it while filtering).</returns>
    private bool Filter(float[] source, float[] destination, int width, int height, CancellationToken cancellationToken)
    {
        switch (Options.Size)
        {
            case 3:
                return NetworkMedian.Median3(source, destination, width, height, Options.Border, cancellationToken);
            case 5:
                return NetworkMedian.Median5(source, destination, width, height, Options.Border, cancellationToken);
            default:
                HistogramMedian.Run(source, destination, width, height, Options.Size, Options.Border, cancellationToken);
                return true;
        }
    }
}
