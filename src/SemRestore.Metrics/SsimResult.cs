namespace SemRestore.Metrics;

/// <summary>The result of an SSIM computation.</summary>
/// <param name="Mean">Mean SSIM over the map without its window-radius border (the number papers report).</param>
/// <param name="ContrastStructure">Mean of the contrast-structure term (2 s_xy + C2) / (s_x^2 + s_y^2 + C2) over the same region (used by MS-SSIM).</param>
/// <param name="Map">The full SSIM map (width x height, row-major), or null when it was not requested.</param>
public sealed record SsimResult(double Mean, double ContrastStructure, float[]? Map);
