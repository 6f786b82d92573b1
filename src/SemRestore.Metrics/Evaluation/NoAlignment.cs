using SemRestore.Imaging;

namespace SemRestore.Metrics.Evaluation;

/// <summary>Leaves images as they are (already registered data, or tests); sizes must match.</summary>
public sealed class NoAlignment : IImageAligner
{
    /// <inheritdoc />
    public string Name => "none";

    /// <inheritdoc />
    public ImageAlignment Align(GrayImage reference, GrayImage moving, CancellationToken cancellationToken)
    {
        EnsureSameSize(reference, moving);
        return new ImageAlignment(0, 0, double.NaN, 0, 0);
    }

    /// <inheritdoc />
    public (GrayImage Reference, GrayImage Moving) Apply(GrayImage reference, GrayImage moving, ImageAlignment alignment)
    {
        EnsureSameSize(reference, moving);
        return (reference, moving);
    }

    private static void EnsureSameSize(GrayImage reference, GrayImage moving)
    {
        if (reference.Width != moving.Width || reference.Height != moving.Height)
        {
            throw new InvalidInputException($"The image is {moving.Width}x{moving.Height} but the reference is {reference.Width}x{reference.Height}.");
        }
    }
}
