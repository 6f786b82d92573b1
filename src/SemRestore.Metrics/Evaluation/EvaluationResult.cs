namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// Everything an evaluation measured, as written to results.json. Averages are over scenes; FR is null where no
/// ground truth exists. PSNR is +infinity for an exact match (written as "Infinity").
/// </summary>
public sealed record EvaluationResult(
    string Dataset,
    string Layout,
    string Input,
    string Reference,
    string Aligner,
    bool MatchIntensity,
    string Ssim,
    double DataRange,
    IReadOnlyList<MethodSummary> Methods,
    IReadOnlyList<KindSummary> Kinds,
    IReadOnlyList<ItemResult> Items);

/// <summary>Mean scores of one method (or of the unprocessed input, label "input").</summary>
/// <param name="Label">Method as written (spec@frame), or "input".</param>
/// <param name="Input">Frame the method ran on.</param>
/// <param name="Psnr">Mean PSNR, dB.</param>
/// <param name="Ssim">Mean SSIM.</param>
/// <param name="FailureRate">Mean circle failure rate, percent (null without ground truth).</param>
/// <param name="Milliseconds">Mean denoising time per image.</param>
public sealed record MethodSummary(string Label, string Input, double Psnr, double Ssim, double? FailureRate, double Milliseconds);

/// <summary>Method means over the scenes of one kind (the ReNIn tables' columns).</summary>
public sealed record KindSummary(string Kind, int Items, IReadOnlyList<MethodSummary> Methods);

/// <summary>Scores of every method on one scene.</summary>
/// <param name="Name">Scene name.</param>
/// <param name="Kind">Scene kind.</param>
/// <param name="Split">Split, if any.</param>
/// <param name="Width">Width of the aligned region the metrics cover.</param>
/// <param name="Height">Height of that region.</param>
/// <param name="GroundTruthCircles">Ground-truth circles inside that region.</param>
/// <param name="CircleSource">"circles.json", "detected on reference" or "none".</param>
/// <param name="Alignments">Alignment of each input frame to the reference.</param>
/// <param name="Scores">One row per method, the input first.</param>
/// <param name="Noise">Residual statistics of the default input against the reference.</param>
public sealed record ItemResult(
    string Name,
    string Kind,
    string? Split,
    int Width,
    int Height,
    int GroundTruthCircles,
    string CircleSource,
    IReadOnlyList<FrameAlignment> Alignments,
    IReadOnlyList<MethodScore> Scores,
    NoiseSummary? Noise);

/// <summary>How one input frame was aligned to the reference (moving(x + Dx, y + Dy) ≈ reference(x, y)).</summary>
public sealed record FrameAlignment(string Frame, double Dx, double Dy, double Score);

/// <summary>One method on one scene.</summary>
/// <param name="Label">Method label.</param>
/// <param name="Input">Frame it ran on.</param>
/// <param name="Psnr">PSNR, dB.</param>
/// <param name="Ssim">SSIM.</param>
/// <param name="FailureRate">Circle FR, percent (null without ground truth).</param>
/// <param name="CirclesFound">Holes found.</param>
/// <param name="CirclesDetected">Circles the detector reported.</param>
/// <param name="Milliseconds">Denoising time (0 for the input row).</param>
/// <param name="Gain">Fitted gain with --match-intensity, else null.</param>
/// <param name="Offset">Fitted offset with --match-intensity, else null.</param>
public sealed record MethodScore(string Label, string Input, double Psnr, double Ssim, double? FailureRate, int? CirclesFound,
    int? CirclesDetected, double Milliseconds, double? Gain, double? Offset);

/// <summary>Noise statistics of a residual (input - reference).</summary>
/// <param name="ResidualSigma">Standard deviation of the residual.</param>
/// <param name="CorrelationX1">Correlation at offset (1, 0): along the fast-scan axis.</param>
/// <param name="CorrelationY1">Correlation at offset (0, 1).</param>
/// <param name="Radius">k of the map.</param>
/// <param name="Map">(2k + 1)^2 values, row dy + k, column dx + k.</param>
public sealed record NoiseSummary(double ResidualSigma, double CorrelationX1, double CorrelationY1, int Radius, IReadOnlyList<double> Map);
