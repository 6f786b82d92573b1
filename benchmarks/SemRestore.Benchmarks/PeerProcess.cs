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
    public static (double Ms, double PeakRssMb) Time(string script, params string[] arguments) => TimeCommand(Python, [script, .. arguments]);

    /// <summary>
    /// Runs any program that follows the peer protocol (its last stdout line is {"ms", "peak_rss_mb"}); the training
    /// suite runs SemRestore's own restores this way so that each has a fresh process and its own peak RSS.
    /// </summary>
    public static (double Ms, double PeakRssMb) TimeCommand(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        // stderr drains concurrently: a child that fills one pipe while we wait on the other would hang both.
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = stderrTask.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
        }

        var lastLine = stdout.Trim().Split('\n')[^1];
        using var json = JsonDocument.Parse(lastLine);
        var ms = json.RootElement.GetProperty("ms").GetDouble();
        var rss = json.RootElement.TryGetProperty("peak_rss_mb", out var r) ? r.GetDouble() : 0;
        return (ms, rss);
    }
}
