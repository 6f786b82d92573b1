namespace SemRestore.Imaging.Registration;

/// <summary>Options for <see cref="PsnrMatching"/> (defaults = the ReNIn data-preparation code, SPECS A3).</summary>
/// <param name="WindowSize">Edge of the square comparison window taken from the reference; 8..4096.</param>
/// <param name="SearchRadius">Shifts from -SearchRadius to SearchRadius - 1 on both axes (Python range(-40, 40)); 1..1024.</param>
/// <param name="Placement">Where the window goes; windows are clamped inside so every shifted window stays in the image.</param>
/// <param name="VotingGrid">Windows per axis in <see cref="PsnrWindowPlacement.VotingWindows"/> mode; 2..8.</param>
/// <param name="Ssim">
/// Optional SSIM(referenceWindow, movingWindow) for the code's override rule: when the best-SSIM shift differs from the
/// best-PSNR one, the PSNR shift is kept if SSIM(ssim-best) - SSIM(psnr-best) &lt; PSNR(psnr-best) - PSNR(ssim-best)
/// (raw values, unitless vs dB), else the SSIM shift is taken. ReNIn uses scikit-image defaults (7x7 uniform window,
/// data range 255 on 8-bit data, i.e. 1 here). Evaluated at every shift, so it costs (2R)^2 SSIM calls.
/// </param>
public sealed record PsnrMatchingOptions(
    int WindowSize = 256,
    int SearchRadius = 40,
    PsnrWindowPlacement Placement = PsnrWindowPlacement.CodeCentre,
    int VotingGrid = 3,
    Func<GrayImage, GrayImage, double>? Ssim = null)
{
    public static PsnrMatchingOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad field and its range.</summary>
    public void Validate()
    {
        if (WindowSize is < 8 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowSize), $"WindowSize must be in 8..4096, got {WindowSize}.");
        }

        if (SearchRadius is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(SearchRadius), $"SearchRadius must be in 1..1024, got {SearchRadius}.");
        }

        if (VotingGrid is < 2 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(VotingGrid), $"VotingGrid must be in 2..8, got {VotingGrid}.");
        }

        if (!Enum.IsDefined(Placement))
        {
            throw new ArgumentOutOfRangeException(nameof(Placement), $"Unknown placement {Placement}.");
        }
    }
}
