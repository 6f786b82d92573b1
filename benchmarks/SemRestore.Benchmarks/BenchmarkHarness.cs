using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SemRestore.Benchmarks;

/// <summary>
/// The convention every suite follows: one warm-up of each side, then SemRestore and the peer
/// alternately (at least 5 runs each) on the same input; medians; a Markdown table on stdout and
/// <c>benchmarks/results/SUITE.json</c>.
/// </summary>
/// <param name="warmUpSeconds">0: one warm-up call. Above 0: warm-up calls until this many seconds have passed, at most
/// <see cref="MaxWarmUpCalls"/> (the classical suite: in a fresh .NET process each 25 MB output is new memory, and page
/// faults double a fast filter's time until the GC has sized its heap after about 10 calls; peers get the same budget).</param>
public sealed class BenchmarkHarness(string suite, int runs = 5, double warmUpSeconds = 0)
{
    public const int MaxWarmUpCalls = 10;

    private readonly List<BenchmarkRow> _rows = new();

    public int Runs { get; } = Math.Max(5, runs);

    public double WarmUpSeconds { get; } = warmUpSeconds;

    /// <summary>Times <paramref name="ours"/> and, when given, <paramref name="peer"/> alternately.</summary>
    /// <param name="peer">Runs the peer once and returns its own timing in ms and its peak RSS.</param>
    public BenchmarkRow Measure(string name, Action ours, string? peerName = null, Func<(double Ms, double PeakRssMb)>? peer = null,
        Dictionary<string, double>? extra = null, Func<double, Dictionary<string, double>>? extraFromMs = null)
    {
        var warmUp = Stopwatch.StartNew();
        ours();
        for (var call = 1; call < MaxWarmUpCalls && warmUp.Elapsed.TotalSeconds < WarmUpSeconds; call++)
        {
            ours();
        }

        double? peerRss = null;
        if (peer is not null)
        {
            peerRss = peer().PeakRssMb;
        }

        var oursMs = new List<double>();
        var peerMs = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            ours();
            oursMs.Add(clock.Elapsed.TotalMilliseconds);
            if (peer is not null)
            {
                var (ms, rss) = peer();
                peerMs.Add(ms);
                peerRss = Math.Max(peerRss ?? 0, rss);
            }
        }

        return AddRow(name, oursMs, Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), peerName,
            peer is null ? null : peerMs, peerRss, extra ?? new Dictionary<string, double>(), extraFromMs);
    }

    /// <summary>
    /// Times two child processes alternately, each reporting its own time and peak RSS (the peer protocol), so both
    /// sides start cold and each run's memory is its own. For runs of a minute or more (full-size restores)
    /// <paramref name="runs"/> may be below the convention's 5; the row records how many it took.
    /// </summary>
    public BenchmarkRow MeasureProcesses(string name, Func<(double Ms, double PeakRssMb)> ours, string? peerName,
        Func<(double Ms, double PeakRssMb)>? peer, int runs, Func<double, Dictionary<string, double>>? extraFromMs = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var oursMs = new List<double>();
        var peerMs = new List<double>();
        double oursRss = 0, peerRss = 0;
        for (var run = 0; run < runs; run++)
        {
            var (ms, rss) = ours();
            oursMs.Add(ms);
            oursRss = Math.Max(oursRss, rss);
            if (peer is not null)
            {
                (ms, rss) = peer();
                peerMs.Add(ms);
                peerRss = Math.Max(peerRss, rss);
            }
        }

        return AddRow(name, oursMs, oursRss, peerName, peer is null ? null : peerMs, peer is null ? null : peerRss,
            new Dictionary<string, double> { ["runs"] = runs }, extraFromMs);
    }

    /// <summary>Medians, the extra figures (fixed ones, then those computed from SemRestore's median), the row and its log line.</summary>
    private BenchmarkRow AddRow(string name, List<double> oursMs, double oursRss, string? peerName, List<double>? peerMs, double? peerRss,
        Dictionary<string, double> extra, Func<double, Dictionary<string, double>>? extraFromMs)
    {
        var medianOurs = Median(oursMs);
        if (extraFromMs is not null)
        {
            foreach (var pair in extraFromMs(medianOurs))
            {
                extra[pair.Key] = pair.Value;
            }
        }

        var row = new BenchmarkRow
        {
            Name = name,
            SemRestoreMs = Math.Round(medianOurs, 3),
            Peer = peerName,
            PeerMs = peerMs is null ? null : Math.Round(Median(peerMs), 3),
            PeakRssMb = Math.Round(oursRss, 1),
            PeerPeakRssMb = peerRss is null ? null : Math.Round(peerRss.Value, 1),
            Extra = extra,
        };
        _rows.Add(row);
        Console.Error.WriteLine($"{suite}: {name}: semrestore {row.SemRestoreMs:0.0} ms ({row.PeakRssMb:0} MB), " +
                                $"{peerName ?? "no peer"} {row.PeerMs?.ToString("0.0") ?? "-"} ms ({row.PeerPeakRssMb?.ToString("0") ?? "-"} MB)");
        return row;
    }

    /// <summary>Adds a row measured elsewhere (for example a whole CLI run).</summary>
    public void Add(BenchmarkRow row) => _rows.Add(row);

    /// <summary>Prints the Markdown table and writes the JSON file; returns 0.</summary>
    public int Finish(string resultsDirectory)
    {
        var table = new StringBuilder();
        table.AppendLine($"| {suite} | SemRestore ms | peer | peer ms | ratio (peer/ours) | peak RSS MB | extra |");
        table.AppendLine("|---|---:|---|---:|---:|---:|---|");
        foreach (var row in _rows)
        {
            var extra = string.Join(", ", row.Extra.Select(pair => $"{pair.Key}={pair.Value:0.###}"));
            table.AppendLine($"| {row.Name} | {row.SemRestoreMs:0.0} | {row.Peer ?? "-"} | {row.PeerMs?.ToString("0.0") ?? "-"} | {row.Ratio?.ToString("0.00") ?? "-"} | {row.PeakRssMb:0} | {extra} |");
        }

        Console.WriteLine(table.ToString());
        Directory.CreateDirectory(resultsDirectory);
        var path = Path.Combine(resultsDirectory, suite + ".json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_rows, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, path, overwrite: true);
        Console.Error.WriteLine($"{suite}: wrote {path}");
        return 0;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
