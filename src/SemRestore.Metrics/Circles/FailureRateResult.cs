namespace SemRestore.Metrics.Circles;

/// <summary>The outcome of matching detections to ground truth.</summary>
/// <param name="Total">Ground-truth holes.</param>
/// <param name="Found">Holes matched by a detection.</param>
/// <param name="FalseDetections">Detections matched to no hole.</param>
/// <param name="Matches">(ground-truth index, detection index) pairs.</param>
public sealed record FailureRateResult(int Total, int Found, int FalseDetections, IReadOnlyList<(int Truth, int Detection)> Matches)
{
    /// <summary>Holes not found.</summary>
    public int Missed => Total - Found;

    /// <summary>FR = missed / total * 100, in percent; null when there is no ground truth.</summary>
    public double? Percent => Total == 0 ? null : 100.0 * Missed / Total;
}
