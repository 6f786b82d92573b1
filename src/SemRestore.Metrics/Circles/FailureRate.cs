namespace SemRestore.Metrics.Circles;

/// <summary>
/// Failure rate of hole detection, FR = missed / total in percent (the ReNIn paper's Eq. 5). The paper publishes
/// neither its detector nor its matching rule; this rule is ours: a ground-truth hole of radius r is found when
/// a detection's centre lies within 0.2 r of its centre and the detection's radius within 20 % of r. Matching is
/// one-to-one: all admissible pairs are taken greedily by increasing cost (centre distance / r + |radius error| / r),
/// ties by index, so one detection never counts for two holes.
/// </summary>
public static class FailureRate
{
    /// <summary>Relative centre tolerance: 0.2 r.</summary>
    public const double CentreTolerance = 0.2;

    /// <summary>Relative radius tolerance: 20 %.</summary>
    public const double RadiusTolerance = 0.2;

    /// <summary>Matches <paramref name="detected"/> to <paramref name="groundTruth"/>.</summary>
    public static FailureRateResult Compute(IReadOnlyList<Circle> detected, IReadOnlyList<Circle> groundTruth)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var pairs = new List<(double Cost, int Truth, int Detection)>();
        for (var t = 0; t < groundTruth.Count; t++)
        {
            var truth = groundTruth[t];
            for (var d = 0; d < detected.Count; d++)
            {
                var candidate = detected[d];
                var distance = Math.Sqrt((candidate.X - truth.X) * (candidate.X - truth.X) + (candidate.Y - truth.Y) * (candidate.Y - truth.Y));
                var radiusError = Math.Abs(candidate.Radius - truth.Radius);
                if (distance <= CentreTolerance * truth.Radius && radiusError <= RadiusTolerance * truth.Radius)
                {
                    pairs.Add(((distance + radiusError) / truth.Radius, t, d));
                }
            }
        }

        pairs.Sort((a, b) => a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : a.Truth != b.Truth ? a.Truth.CompareTo(b.Truth) : a.Detection.CompareTo(b.Detection));
        var truthUsed = new bool[groundTruth.Count];
        var detectionUsed = new bool[detected.Count];
        var matches = new List<(int, int)>();
        foreach (var (_, t, d) in pairs)
        {
            if (!truthUsed[t] && !detectionUsed[d])
            {
                truthUsed[t] = true;
                detectionUsed[d] = true;
                matches.Add((t, d));
            }
        }

        return new FailureRateResult(groundTruth.Count, matches.Count, detected.Count - matches.Count, matches);
    }
}
