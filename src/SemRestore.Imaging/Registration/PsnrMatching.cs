using System.Numerics;
using System.Runtime.InteropServices;
using SemRestore.Imaging.Geometry;

namespace SemRestore.Imaging.Registration;

/// <summary>
/// Exhaustive integer registration by PSNR, as ReNIn's data preparation does it (SPECS A3,
/// <c>get_shift_info</c>): a WindowSize² window of the reference (the cleaner image, e.g. F64) is compared with the
/// moving image's window shifted by (h, v) for h, v in [-R, R); the highest PSNR wins (data range 1, so values equal
/// scikit-image's on 8-bit data), optionally overridden by SSIM with the code's rule. Ties keep the first shift in
/// row-major order (v outer, h inner, ascending).
/// </summary>
public static class PsnrMatching
{
    /// <summary>Finds the integer (Dx, Dy) = (h, v) with moving(x + Dx, y + Dy) ≈ reference(x, y).</summary>
    /// <exception cref="InvalidInputException">The images differ in size or are too small for the window plus search.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Options out of range.</exception>
    public static RegistrationResult Register(GrayImage reference, GrayImage moving, PsnrMatchingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(moving);
        options ??= PsnrMatchingOptions.Default;
        options.Validate();
        if (reference.Width != moving.Width || reference.Height != moving.Height)
        {
            throw new InvalidInputException(
                $"PSNR matching needs images of the same size: reference {reference.Width}x{reference.Height}, moving {moving.Width}x{moving.Height}.");
        }

        var windows = PlaceWindows(reference.Width, reference.Height, options);
        var picks = new List<(int V, int H, double Psnr)>();
        var flatSkipped = 0;
        foreach (var (left, top) in windows)
        {
            if (windows.Count > 1 && IsFlat(reference, left, top, options.WindowSize))
            {
                flatSkipped++;
                continue;
            }

            picks.Add(BestShift(reference, moving, left, top, options));
        }

        if (picks.Count == 0)
        {
            // Every voting window was flat: fall back to all of them rather than failing.
            foreach (var (left, top) in windows)
            {
                picks.Add(BestShift(reference, moving, left, top, options));
            }
        }

        if (picks.Count == 1)
        {
            return new RegistrationResult(picks[0].H, picks[0].V, picks[0].Psnr, Method: "psnr");
        }

        // Majority vote; ties go to the higher mean PSNR, then to the first-found shift.
        (int V, int H) winner = (picks[0].V, picks[0].H);
        var winnerVotes = 0;
        var winnerPsnr = double.NegativeInfinity;
        foreach (var candidate in picks)
        {
            var votes = 0;
            double sum = 0;
            foreach (var p in picks)
            {
                if (p.V == candidate.V && p.H == candidate.H)
                {
                    votes++;
                    sum += p.Psnr;
                }
            }

            var mean = sum / votes;
            if (votes > winnerVotes || (votes == winnerVotes && mean > winnerPsnr))
            {
                winner = (candidate.V, candidate.H);
                winnerVotes = votes;
                winnerPsnr = mean;
            }
        }

        var note = $"{winnerVotes} of {picks.Count} windows agree" + (flatSkipped > 0 ? $"; {flatSkipped} flat windows skipped" : string.Empty);
        return new RegistrationResult(winner.H, winner.V, winnerPsnr, Method: "psnr", Note: note);
    }

    /// <summary>
    /// Crops both images so they overlap without any shifted-in border, as ReNIn's <c>3_align_images.py</c>: with
    /// pad = searchRadius + 1, the reference keeps [pad, W - pad) x [pad, H - pad) and the moving image the same window
    /// moved by (Dx, Dy). Fractional shifts are applied to the moving image by bicubic interpolation first.
    /// Both outputs are (W - 2 pad) x (H - 2 pad).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">|Dx| or |Dy| exceeds the search radius, or the image is too small.</exception>
    public static (GrayImage Reference, GrayImage Moving) CropAligned(GrayImage reference, GrayImage moving, RegistrationResult result, int searchRadius = 40)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(moving);
        ArgumentNullException.ThrowIfNull(result);
        reference.EnsureSameSize(moving, "reference and moving images");
        var pad = searchRadius + 1;
        if (searchRadius < 0 || Math.Abs(result.Dx) > searchRadius || Math.Abs(result.Dy) > searchRadius)
        {
            throw new ArgumentOutOfRangeException(
                nameof(searchRadius),
                $"The shift ({result.Dx}, {result.Dy}) must lie within the search radius {searchRadius}.");
        }

        var width = reference.Width - 2 * pad;
        var height = reference.Height - 2 * pad;
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(searchRadius), $"A {reference.Width}x{reference.Height} image has nothing left after cropping {pad} px per side.");
        }

        var croppedReference = ImageGeometry.Crop(reference, pad, pad, width, height);
        GrayImage croppedMoving;
        if (result.IsInteger)
        {
            croppedMoving = ImageGeometry.Crop(moving, pad + (int)result.Dx, pad + (int)result.Dy, width, height);
        }
        else
        {
            var aligned = Resampler.Shift(moving, -result.Dx, -result.Dy);
            croppedMoving = ImageGeometry.Crop(aligned, pad, pad, width, height);
        }

        return (croppedReference, croppedMoving);
    }

    /// <summary>
    /// Mean squared differences for every shift: surface[(v + R) * 2R + (h + R)] = mean over the window of
    /// (reference(left + j, top + i) - moving(left + h + j, top + v + i))^2.
    /// </summary>
    internal static double[] MseSurface(GrayImage reference, GrayImage moving, int left, int top, int windowSize, int radius)
    {
        var side = 2 * radius;
        var surface = new double[side * side];
        var width = reference.Width;
        var r = reference.Pixels;
        var m = moving.Pixels;
        var count = (double)windowSize * windowSize;
        Parallel.For(0, side, vi =>
        {
            var v = vi - radius;
            for (var hi = 0; hi < side; hi++)
            {
                var h = hi - radius;
                double total = 0;
                for (var i = 0; i < windowSize; i++)
                {
                    var a = r.AsSpan((top + i) * width + left, windowSize);
                    var b = m.AsSpan((top + v + i) * width + left + h, windowSize);
                    total += SumSquaredDifferences(a, b);
                }

                surface[vi * side + hi] = total / count;
            }
        });
        return surface;
    }

    /// <summary>Sum of (a - b)^2 over one row: float lanes of Vector&lt;float&gt;, scalar tail; fixed order, so deterministic.</summary>
    internal static double SumSquaredDifferences(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var accumulator = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var k = 0; k < va.Length; k++)
            {
                var d = va[k] - vb[k];
                accumulator += d * d;
            }

            i = va.Length * Vector<float>.Count;
        }

        double sum = Vector.Sum(accumulator);
        for (; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }

    private static (int V, int H, double Psnr) BestShift(GrayImage reference, GrayImage moving, int left, int top, PsnrMatchingOptions options)
    {
        var radius = options.SearchRadius;
        var side = 2 * radius;
        var surface = MseSurface(reference, moving, left, top, options.WindowSize, radius);
        var best = 0;
        for (var k = 1; k < surface.Length; k++)
        {
            if (surface[k] < surface[best])
            {
                best = k;
            }
        }

        var psnrBest = Psnr(surface[best]);
        if (options.Ssim is { } ssim)
        {
            var size = options.WindowSize;
            var referenceWindow = ImageGeometry.Crop(reference, left, top, size, size);
            var scores = new double[surface.Length];
            Parallel.For(0, surface.Length, k =>
            {
                var v = k / side - radius;
                var h = k % side - radius;
                scores[k] = ssim(referenceWindow, ImageGeometry.Crop(moving, left + h, top + v, size, size));
            });
            var ssimBest = 0;
            for (var k = 1; k < scores.Length; k++)
            {
                if (scores[k] > scores[ssimBest])
                {
                    ssimBest = k;
                }
            }

            // ReNIn's rule compares raw differences: SSIM gain (unitless) against PSNR loss (dB).
            if (ssimBest != best && !(scores[ssimBest] - scores[best] < psnrBest - Psnr(surface[ssimBest])))
            {
                best = ssimBest;
                psnrBest = Psnr(surface[ssimBest]);
            }
        }

        return (best / side - radius, best % side - radius, psnrBest);
    }

    private static double Psnr(double mse) => mse > 0 ? 10.0 * Math.Log10(1.0 / mse) : double.PositiveInfinity;

    private static bool IsFlat(GrayImage image, int left, int top, int size)
    {
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < size; i++)
        {
            foreach (var value in image.Pixels.AsSpan((top + i) * image.Width + left, size))
            {
                sum += value;
                sumSquares += (double)value * value;
            }
        }

        var n = (double)size * size;
        var variance = sumSquares / n - (sum / n) * (sum / n);
        return variance < 1e-6;
    }

    private static List<(int Left, int Top)> PlaceWindows(int width, int height, PsnrMatchingOptions options)
    {
        var size = options.WindowSize;
        var radius = options.SearchRadius;
        // Shifted windows span [pos - R, pos + R - 1 + size): keep them inside the image.
        var minPos = radius;
        var maxLeft = width - size - radius + 1;
        var maxTop = height - size - radius + 1;
        if (maxLeft < minPos || maxTop < minPos)
        {
            var needed = size + 2 * radius - 1;
            throw new InvalidInputException(
                $"A {width}x{height} image is too small for a {size}x{size} window searched over -{radius}..{radius - 1}: " +
                $"both sides need at least {needed} px; lower the window size or the search radius.");
        }

        var windows = new List<(int, int)>();
        switch (options.Placement)
        {
            case PsnrWindowPlacement.CodeCentre:
                windows.Add((Math.Clamp(width / 2, minPos, maxLeft), Math.Clamp(height / 2, minPos, maxTop)));
                break;
            case PsnrWindowPlacement.Centred:
                windows.Add((Math.Clamp((width - size) / 2, minPos, maxLeft), Math.Clamp((height - size) / 2, minPos, maxTop)));
                break;
            default:
                var g = options.VotingGrid;
                for (var row = 0; row < g; row++)
                {
                    for (var column = 0; column < g; column++)
                    {
                        windows.Add((minPos + (maxLeft - minPos) * column / (g - 1), minPos + (maxTop - minPos) * row / (g - 1)));
                    }
                }

                break;
        }

        return windows;
    }
}
