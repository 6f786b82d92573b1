namespace SemRestore.Imaging.Registration;

/// <summary>
/// The shift that aligns a moving image to a reference. Convention: <c>moving(x + Dx, y + Dy) ≈ reference(x, y)</c>,
/// so a moving image whose content sits 3 px further right than in the reference has Dx = +3, and
/// <c>Resampler.Shift(moving, -Dx, -Dy)</c> (or <see cref="PsnrMatching.CropAligned"/>) aligns it.
/// </summary>
/// <param name="Dx">Horizontal shift in pixels (positive: moving content lies to the right).</param>
/// <param name="Dy">Vertical shift in pixels (positive: moving content lies lower).</param>
/// <param name="Score">Method-specific quality: PSNR in dB (data range 1) for PSNR matching, the normalised correlation peak for phase correlation (higher is better).</param>
/// <param name="ResidualPx">Largest local misalignment left after the global shift, in px (null when not estimated).</param>
/// <param name="ResidualRmsPx">Root mean square of the local misalignments, in px (null when not estimated).</param>
/// <param name="LocalShifts">Local shifts measured after applying the global shift (empty when not estimated).</param>
/// <param name="Method">"psnr" or "phase".</param>
/// <param name="Note">Free text: for example how many windows voted for the shift.</param>
public sealed record RegistrationResult(
    double Dx,
    double Dy,
    double Score,
    double? ResidualPx = null,
    double? ResidualRmsPx = null,
    IReadOnlyList<LocalShift>? LocalShifts = null,
    string Method = "",
    string? Note = null)
{
    /// <summary>True when both components are whole numbers.</summary>
    public bool IsInteger => Dx == Math.Round(Dx) && Dy == Math.Round(Dy);
}
