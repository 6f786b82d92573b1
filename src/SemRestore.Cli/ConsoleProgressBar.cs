using System.Diagnostics;
using SemRestore.Imaging;

namespace SemRestore.Cli;

/// <summary>
/// A one-line progress bar with rate and ETA, redrawn at most 10 times a second. When the stream is
/// not a terminal (CI, a pipe) it prints a plain line every 10 % instead of carriage returns.
/// </summary>
public sealed class ConsoleProgressBar : IProgress<ProgressReport>, IDisposable
{
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _interactive;
    private long _lastDrawTicks = -1;
    private int _lastDecile = -1;
    private bool _drewSomething;

    public ConsoleProgressBar(TextWriter writer, string label)
    {
        _writer = writer;
        _label = label;
        _interactive = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    }

    public void Report(ProgressReport value)
    {
        var fraction = value.Total > 0 ? Math.Clamp((double)value.Done / value.Total, 0, 1) : 0;
        var elapsed = _clock.Elapsed.TotalSeconds;
        var rate = elapsed > 0 ? value.Done / elapsed : 0;
        var eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : double.NaN;
        var suffix = string.IsNullOrEmpty(value.Message) ? string.Empty : " " + value.Message;
        if (_interactive)
        {
            var now = _clock.ElapsedTicks;
            if (value.Done < value.Total && _lastDrawTicks >= 0 && now - _lastDrawTicks < Stopwatch.Frequency / 10)
            {
                return;
            }

            _lastDrawTicks = now;
            const int width = 30;
            var filled = (int)Math.Round(fraction * width);
            var bar = new string('#', filled) + new string('-', width - filled);
            _writer.Write($"\r{_label} [{bar}] {value.Done}/{value.Total} {rate:0.0}/s ETA {FormatSeconds(eta)}{suffix}   ");
            _drewSomething = true;
        }
        else
        {
            var decile = (int)(fraction * 10);
            if (decile == _lastDecile)
            {
                return;
            }

            _lastDecile = decile;
            _writer.WriteLine($"{_label}: {value.Done}/{value.Total} ({fraction:P0}) ETA {FormatSeconds(eta)}{suffix}");
        }
    }

    public void Dispose()
    {
        if (_interactive && _drewSomething)
        {
            _writer.WriteLine();
        }
    }

    private static string FormatSeconds(double seconds) =>
        double.IsNaN(seconds) || double.IsInfinity(seconds) ? "--" : TimeSpan.FromSeconds(Math.Round(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss");
}
