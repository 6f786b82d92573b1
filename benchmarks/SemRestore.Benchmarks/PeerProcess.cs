using System.Diagnostics;
using System.Text.Json;

namespace SemRestore.Benchmarks;

/// <summary>
/// Runs one timing of a peer (a Python script under benchmarks/peers/) in a child process. The script
/// warms up, times the operation once and prints one JSON line {"ms": ..., "peak_rss_mb": ...}.
/// </summary>
public static class PeerProcess
{
    /// <summary>Debian's interpreter, where python3-pil, -opencv, -skimage and -torch live.</summary>
    public const string Python = "/usr/bin/python3";

    public static bool IsAvailable(string script) => File.Exists(Python) && File.Exists(script);

    /// <summary>Runs the script with the arguments; returns (ms, peak RSS MB).</summary>
    public static (double Ms, double PeakRssMb) Time(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python} {script}");
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"peer {script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
        }

        var lastLine = stdout.Trim().Split('\n')[^1];
        using var json = JsonDocument.Parse(lastLine);
        var ms = json.RootElement.GetProperty("ms").GetDouble();
        var rss = json.RootElement.TryGetProperty("peak_rss_mb", out var r) ? r.GetDouble() : 0;
        return (ms, rss);
    }
}
