using SemRestore.Imaging.Registration;

namespace SemRestore.Imaging.Tests.Registration;

[Trait("Category", "Unit")]
public sealed class FrameAveragerTests
{
    private static readonly (double Dx, double Dy)[] s_drift = [(0, 0), (0.6, -0.4), (1.3, 0.5), (-0.8, 1.7), (2.2, -1.1), (0.4, 2.5)];

    [Fact]
    public void AverageWithShifts_Registered_RecoversShiftsAndBeatsThePlainMean()
    {
        var clean = RegistrationImages.Texture(160, 144, 0, 0);
        var frames = new List<GrayImage>();
        for (var k = 0; k < s_drift.Length; k++)
        {
            frames.Add(RegistrationImages.Poisson(RegistrationImages.Texture(160, 144, s_drift[k].Dx, s_drift[k].Dy), 20, seed: 10 + k));
        }

        var registered = FrameAverager.AverageWithShifts(frames, new FrameAveragingOptions(Register: true));
        var plain = FrameAverager.Average(frames);
        for (var k = 0; k < s_drift.Length; k++)
        {
            Assert.InRange(registered.Shifts![k].Dx, s_drift[k].Dx - 0.15, s_drift[k].Dx + 0.15);
            Assert.InRange(registered.Shifts[k].Dy, s_drift[k].Dy - 0.15, s_drift[k].Dy + 0.15);
        }

        var registeredError = InteriorRmse(registered.Image, clean, 8);
        var plainError = InteriorRmse(plain, clean, 8);
        var singleError = InteriorRmse(frames[0], clean, 8);
        Assert.True(registeredError < 0.6 * singleError, $"registered {registeredError} vs single frame {singleError}");
        Assert.True(registeredError < 0.8 * plainError, $"registered {registeredError} vs plain mean {plainError}");
    }

    [Fact]
    public void Average_WithoutRegistration_IsThePixelMean()
    {
        var a = new GrayImage(2, 1, [0.2f, 0.4f]);
        var b = new GrayImage(2, 1, [0.4f, 1.0f]);
        var mean = FrameAverager.Average([a, b]);
        Assert.Equal(0.3f, mean.Pixels[0], 6);
        Assert.Equal(0.7f, mean.Pixels[1], 6);
    }

    [Fact]
    public void Average_RejectsEmptyAndMismatchedStacks()
    {
        Assert.Throws<ArgumentException>(() => FrameAverager.Average([]));
        Assert.Throws<InvalidInputException>(() => FrameAverager.Average([new GrayImage(4, 4), new GrayImage(5, 4)]));
    }

    [Fact]
    public void Average_ReportsProgressPerFrame_AndHonoursCancellation()
    {
        var frames = new[] { new GrayImage(8, 8), new GrayImage(8, 8), new GrayImage(8, 8) };
        var reports = new List<ProgressReport>();
        FrameAverager.Average(frames, progress: new ListProgress(reports));
        Assert.Equal([1L, 2L, 3L], reports.Select(r => r.Done));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => FrameAverager.Average(frames, ct: cts.Token));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameAverager.Average(frames, new FrameAveragingOptions(ReferenceIndex: 3)));
    }

    private sealed class ListProgress(List<ProgressReport> reports) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => reports.Add(value);
    }

    private static double InteriorRmse(GrayImage a, GrayImage b, int margin)
    {
        double sum = 0;
        var count = 0;
        for (var y = margin; y < a.Height - margin; y++)
        {
            for (var x = margin; x < a.Width - margin; x++)
            {
                var d = a[x, y] - b[x, y];
                sum += d * d;
                count++;
            }
        }

        return Math.Sqrt(sum / count);
    }
}
