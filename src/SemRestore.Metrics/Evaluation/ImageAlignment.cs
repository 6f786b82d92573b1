namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// An alignment of a moving image to a reference: moving(x + Dx, y + Dy) ≈ reference(x, y); after cropping, pixel
/// (0, 0) of the aligned pair is reference pixel (OriginX, OriginY), which is how ground-truth circles are moved.
/// </summary>
/// <param name="Dx">Horizontal shift in pixels.</param>
/// <param name="Dy">Vertical shift in pixels.</param>
/// <param name="Score">The aligner's quality figure (PSNR in dB for PSNR matching).</param>
/// <param name="OriginX">Left edge of the aligned crop in reference coordinates.</param>
/// <param name="OriginY">Top edge of the aligned crop in reference coordinates.</param>
public sealed record ImageAlignment(double Dx, double Dy, double Score, int OriginX, int OriginY);
