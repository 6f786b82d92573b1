using System.Text.Json.Serialization;

namespace SemRestore.Benchmarks;

/// <summary>One row of a suite's results: SemRestore and the peer on the same input, medians in milliseconds.</summary>
public sealed record BenchmarkRow
{
    [JsonPropertyName("name")] public required string Name { get; init; }

    [JsonPropertyName("semrestore_ms")] public required double SemRestoreMs { get; init; }

    [JsonPropertyName("peer")] public string? Peer { get; init; }

    [JsonPropertyName("peer_ms")] public double? PeerMs { get; init; }

    /// <summary>Peer time / SemRestore time: above 1 means SemRestore is faster.</summary>
    [JsonPropertyName("ratio")] public double? Ratio => PeerMs is { } peer && SemRestoreMs > 0 ? peer / SemRestoreMs : null;

    [JsonPropertyName("peak_rss_mb")] public double PeakRssMb { get; init; }

    [JsonPropertyName("peer_peak_rss_mb")] public double? PeerPeakRssMb { get; init; }

    /// <summary>Suite-specific figures (GFLOP/s, seconds per megapixel, ...).</summary>
    [JsonPropertyName("extra")] public Dictionary<string, double> Extra { get; init; } = new();
}
