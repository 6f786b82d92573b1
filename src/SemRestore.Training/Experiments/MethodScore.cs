namespace SemRestore.Training.Experiments;

/// <summary>PSNR (dB, data range 1) and SSIM (scikit-image default) of one method on one test scene.</summary>
public sealed record MethodScore(string Method, string Scene, string? Kind, double Psnr, double Ssim);
