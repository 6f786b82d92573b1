using SemRestore.Imaging.Geometry;

namespace SemRestore.Imaging.Registration;

/// <summary>
/// Averages a stack of frames (F01 frames into an F08 or F64 image), optionally aligning each to a reference frame
/// first: the shift comes from <see cref="PhaseCorrelation"/>, and frame k is resampled as
/// aligned(x, y) = frame(x + Dx, y + Dy) with replicated borders. The mean is accumulated in double.
/// </summary>
public static class FrameAverager
{
    /// <summary>The mean image (see <see cref="AverageWithShifts"/> for the shifts too).</summary>
    public static GrayImage Average(IReadOnlyList<GrayImage> frames, FrameAveragingOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken ct = default) =>
        AverageWithShifts(frames, options, progress, ct).Image;

    /// <summary>Averages <paramref name="frames"/> and reports each frame's shift when registering.</summary>
    /// <exception cref="ArgumentException">The list is empty or the reference index is out of range.</exception>
    /// <exception cref="InvalidInputException">The frames differ in size.</exception>
    public static FrameAveragingResult AverageWithShifts(IReadOnlyList<GrayImage> frames, FrameAveragingOptions? options = null, IProgress<ProgressReport>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        options ??= FrameAveragingOptions.Default;
        if (frames.Count == 0)
        {
            throw new ArgumentException("Nothing to average: the frame list is empty.", nameof(frames));
        }

        if (options.ReferenceIndex < 0 || options.ReferenceIndex >= frames.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"ReferenceIndex must be in 0..{frames.Count - 1}, got {options.ReferenceIndex}.");
        }

        var reference = frames[options.ReferenceIndex];
        for (var k = 0; k < frames.Count; k++)
        {
            if (frames[k].Width != reference.Width || frames[k].Height != reference.Height)
            {
                throw new InvalidInputException(
                    $"Frame {k} is {frames[k].Width}x{frames[k].Height} but the reference frame {options.ReferenceIndex} is {reference.Width}x{reference.Height}.");
            }
        }

        var registration = options.Registration ?? new PhaseCorrelationOptions(ResidualStrips: 0);
        var sum = new double[reference.PixelCount];
        var shifts = options.Register ? new RegistrationResult[frames.Count] : null;
        for (var k = 0; k < frames.Count; k++)
        {
            ct.ThrowIfCancellationRequested();
            var frame = frames[k];
            if (shifts is not null)
            {
                if (k == options.ReferenceIndex)
                {
                    shifts[k] = new RegistrationResult(0, 0, 1, Method: "phase", Note: "reference frame");
                }
                else
                {
                    shifts[k] = PhaseCorrelation.Register(reference, frame, registration);
                    frame = Resampler.Shift(frame, -shifts[k].Dx, -shifts[k].Dy, options.Interpolation);
                }
            }

            var pixels = frame.Pixels;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += pixels[i];
            }

            progress?.Report(new ProgressReport(k + 1, frames.Count, $"frame {k + 1}"));
        }

        var result = reference.CreateLike();
        var scale = 1.0 / frames.Count;
        for (var i = 0; i < sum.Length; i++)
        {
            result.Pixels[i] = (float)(sum[i] * scale);
        }

        return new FrameAveragingResult(result, shifts);
    }
}
