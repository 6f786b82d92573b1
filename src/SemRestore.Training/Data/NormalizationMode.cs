namespace SemRestore.Training.Data;

/// <summary>How pixel values are mapped to the network's range before training and inference.</summary>
public enum NormalizationMode
{
    /// <summary>Values are used as read ([0, 1] for integer images).</summary>
    None,

    /// <summary>Each image (each training patch) is min-max normalised on its own to [0, 1], as ReNIn does.</summary>
    MinMax,

    /// <summary>A fixed window [Low, High] maps to [0, 1] for every image.</summary>
    FixedRange,

    /// <summary>The image's own percentiles [LowPercentile, HighPercentile] map to [0, 1] (robust to hot pixels).</summary>
    Percentile,
}
