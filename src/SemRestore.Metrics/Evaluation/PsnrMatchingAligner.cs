using SemRestore.Imaging;
using SemRestore.Imaging.Registration;

namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// Integer registration by PSNR matching (ReNIn's data preparation, <see cref="PsnrMatching"/>), then
/// <see cref="PsnrMatching.CropAligned"/>: both images lose SearchRadius + 1 pixels on every side, so the aligned
/// region starts at reference pixel (SearchRadius + 1, SearchRadius + 1) whatever the shift. The comparison window
/// is centred and as large as the image allows, up to 256. With <see cref="SsimOverride"/> the scikit-image-default
/// SSIM (data range 1) arbitrates as in the ReNIn code; it is evaluated at every shift, (2R)^2 SSIM calls.
/// </summary>
/// <param name="SearchRadius">Shifts in [-R, R) on each axis, 1..1024 (ReNIn: 40).</param>
/// <param name="SsimOverride">Use the SSIM override rule.</param>
public sealed record PsnrMatchingAligner(int SearchRadius = 40, bool SsimOverride = false) : IImageAligner
{
    /// <inheritdoc />
    public string Name => $"psnr-matching (radius {SearchRadius}{(SsimOverride ? ", SSIM override" : string.Empty)})";

    /// <inheritdoc />
    public ImageAlignment Align(GrayImage reference, GrayImage moving, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fit = Math.Min(reference.Width, reference.Height) - 2 * SearchRadius - 2;
        if (fit < 16)
        {
            throw new InvalidInputException(
                $"A {reference.Width}x{reference.Height} image is too small for PSNR matching with search radius {SearchRadius}; lower the radius.");
        }

        var options = new PsnrMatchingOptions(
            WindowSize: Math.Min(256, fit),
            SearchRadius: SearchRadius,
            Placement: PsnrWindowPlacement.Centred,
            Ssim: SsimOverride ? (a, b) => SsimMetric.Compute(b, a, SsimOptions.SkimageDefault(1.0), cancellationToken) : null);
        var result = PsnrMatching.Register(reference, moving, options);
        return new ImageAlignment(result.Dx, result.Dy, result.Score, SearchRadius + 1, SearchRadius + 1);
    }

    /// <inheritdoc />
    public (GrayImage Reference, GrayImage Moving) Apply(GrayImage reference, GrayImage moving, ImageAlignment alignment)
    {
        if (reference.Width != moving.Width || reference.Height != moving.Height)
        {
            throw new InvalidInputException($"The image is {moving.Width}x{moving.Height} but the reference is {reference.Width}x{reference.Height}.");
        }

        return PsnrMatching.CropAligned(reference, moving, new RegistrationResult(alignment.Dx, alignment.Dy, alignment.Score), SearchRadius);
    }
}
