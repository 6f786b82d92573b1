namespace SemRestore.Training.Experiments;

/// <summary>
/// PSNR (dB, data range 1), SSIM (scikit-image default) and circle-detection failure rate (percent of ground-truth holes
/// the Hough detector misses; null without ground truth) of one method on one test scene.
/// </summary>
public sealed record MethodScore(string Method, string Scene, string? Kind, double Psnr, double Ssim, double? FailureRate = null);
