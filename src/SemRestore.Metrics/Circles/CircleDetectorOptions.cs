namespace SemRestore.Metrics.Circles;

/// <summary>
/// Options of <see cref="HoughCircleDetector"/>. Edge thresholds are in the units cv2.HoughCircles uses on 8-bit
/// images (L1 Sobel magnitude |gx| + |gy| of the image scaled so that <see cref="DataRange"/> maps to 255), so
/// parameters carry over: param1 = <see cref="EdgeThreshold"/>, param2 = <see cref="AccumulatorThreshold"/>,
/// minDist = <see cref="MinDistance"/>, minRadius/maxRadius = <see cref="MinRadius"/>/<see cref="MaxRadius"/>.
/// </summary>
public sealed record CircleDetectorOptions
{
    /// <summary>Smallest radius searched, pixels (at least 2).</summary>
    public int MinRadius { get; init; } = 5;

    /// <summary>Largest radius searched, pixels (at most 1000, not below <see cref="MinRadius"/>).</summary>
    public int MaxRadius { get; init; } = 30;

    /// <summary>Minimum distance between accepted centres, pixels (positive).</summary>
    public double MinDistance { get; init; } = 10;

    /// <summary>Canny high threshold (cv2 param1); the low one is half of it.</summary>
    public double EdgeThreshold { get; init; } = 100;

    /// <summary>Votes a centre needs in the accumulator, and edge points a radius needs (cv2 param2).</summary>
    public int AccumulatorThreshold { get; init; } = 20;

    /// <summary>Fraction of the circumference (edge points / 2 pi r) the chosen radius needs, in [0, 1].</summary>
    public double MinEdgeSupport { get; init; } = 0.25;

    /// <summary>R: the data range of the image (1 for [0, 1] images, whatever the source bit depth).</summary>
    public double DataRange { get; init; } = 1.0;

    /// <summary>
    /// Defaults with the radius range and spacing taken from ground truth: radii [0.75 min r, 1.25 max r] (at least 2),
    /// minimum distance 0.8 min r; plain defaults when <paramref name="truth"/> is empty.
    /// </summary>
    public static CircleDetectorOptions ForGroundTruth(IReadOnlyList<Circle> truth, double dataRange = 1.0)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Count == 0)
        {
            return new CircleDetectorOptions { DataRange = dataRange };
        }

        var minR = truth.Min(c => c.Radius);
        var maxR = truth.Max(c => c.Radius);
        var low = Math.Max(2, (int)Math.Floor(0.75 * minR));
        return new CircleDetectorOptions
        {
            MinRadius = low,
            MaxRadius = Math.Min(1000, Math.Max(low, (int)Math.Ceiling(1.25 * maxR))),
            MinDistance = Math.Max(2, 0.8 * minR),
            DataRange = dataRange,
        };
    }

    /// <summary>Throws when an option is out of range, naming it and the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (MinRadius < 2 || MinRadius > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MinRadius), MinRadius, "The minimum radius must be in [2, 1000] pixels.");
        }

        if (MaxRadius < MinRadius || MaxRadius > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRadius), MaxRadius, $"The maximum radius must be in [{MinRadius} (the minimum radius), 1000] pixels.");
        }

        if (!(MinDistance > 0) || double.IsInfinity(MinDistance))
        {
            throw new ArgumentOutOfRangeException(nameof(MinDistance), MinDistance, "The minimum centre distance must be a positive number of pixels.");
        }

        if (!(EdgeThreshold > 0) || EdgeThreshold > 4 * 255 * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(EdgeThreshold), EdgeThreshold, "The edge threshold must be in (0, 2040] (8-bit L1 Sobel units).");
        }

        if (AccumulatorThreshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(AccumulatorThreshold), AccumulatorThreshold, "The accumulator threshold must be at least 1 vote.");
        }

        if (!(MinEdgeSupport >= 0 && MinEdgeSupport <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinEdgeSupport), MinEdgeSupport, "The minimum edge support must be in [0, 1].");
        }

        Metrics.PsnrMetric.ValidateDataRange(DataRange);
    }
}
