using SemRestore.Imaging;

namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// Registers a moving image (input frame or method output) to the reference and crops both to their common,
/// aligned region. The evaluator registers each input frame once and applies the same alignment to every output
/// computed from that frame.
/// </summary>
public interface IImageAligner
{
    /// <summary>Short name for the report, for example "psnr-matching" or "none".</summary>
    string Name { get; }

    /// <summary>Finds the alignment of <paramref name="moving"/> to <paramref name="reference"/> (same size).</summary>
    /// <exception cref="InvalidInputException">The images cannot be aligned (different sizes, too small).</exception>
    ImageAlignment Align(GrayImage reference, GrayImage moving, CancellationToken cancellationToken);

    /// <summary>Crops <paramref name="reference"/> and <paramref name="moving"/> by <paramref name="alignment"/>; both outputs have the same size.</summary>
    (GrayImage Reference, GrayImage Moving) Apply(GrayImage reference, GrayImage moving, ImageAlignment alignment);
}
