using System.Numerics;
using SemRestore.Imaging.Geometry;

namespace SemRestore.Imaging.Registration;

/// <summary>
/// Sub-pixel translation estimate by (phase) cross-correlation in the Fourier domain: the integer peak of
/// IFFT(F_ref * conj(F_moving)), then refined by an upsampled DFT evaluated only around the peak (Guizar-Sicairos,
/// Thurman and Fienup, Opt. Lett. 33, 156 (2008), as in scikit-image's phase_cross_correlation). Images of any size
/// (own radix-2/Bluestein FFT in double precision).
/// </summary>
public static class PhaseCorrelation
{
    private const int MinimumStripHeight = 32;

    /// <summary>
    /// Estimates (Dx, Dy) with moving(x + Dx, y + Dy) ≈ reference(x, y), plus local residuals per strip of rows when
    /// <see cref="PhaseCorrelationOptions.ResidualStrips"/> &gt; 0.
    /// </summary>
    /// <exception cref="InvalidInputException">The images differ in size or are smaller than 8x8.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Options out of range.</exception>
    public static RegistrationResult Register(GrayImage reference, GrayImage moving, PhaseCorrelationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(moving);
        options ??= PhaseCorrelationOptions.Default;
        options.Validate();
        RequireSameSize(reference, moving);
        var width = Math.Min(reference.Width, options.MaxRegionSize);
        var height = Math.Min(reference.Height, options.MaxRegionSize);
        var x0 = (reference.Width - width) / 2;
        var y0 = (reference.Height - height) / 2;
        var referenceRegion = Region(reference, x0, y0, width, height);
        var referenceSpectrum = Spectrum(referenceRegion.Pixels, width, height, options.WindowAlpha);
        var (dx, dy, score) = Estimate(referenceSpectrum, Region(moving, x0, y0, width, height).Pixels, width, height, options);
        for (var pass = 0; pass < options.RefinementPasses && options.UpsampleFactor > 1; pass++)
        {
            // Correlate what is left after undoing the estimate; the window bias scales with that (small) remainder.
            var aligned = ShiftedRegion(moving, dx, dy, x0, y0, width, height);
            var (rx, ry, s) = Estimate(referenceSpectrum, aligned.Pixels, width, height, options with { MaxShift = 2 });
            dx += rx;
            dy += ry;
            score = s;
            if (options.MaxShift is { } limit)
            {
                dx = Math.Clamp(dx, -limit, limit);
                dy = Math.Clamp(dy, -limit, limit);
            }

            if (Math.Abs(rx) < 0.5 / options.UpsampleFactor && Math.Abs(ry) < 0.5 / options.UpsampleFactor)
            {
                break;
            }
        }

        var result = new RegistrationResult(dx, dy, score, Method: "phase");
        return options.ResidualStrips > 0 ? WithResidual(reference, moving, result, options.ResidualStrips, options) : result;
    }

    /// <summary>
    /// Measures what a global shift leaves: aligns <paramref name="moving"/> by <paramref name="global"/> (bicubic),
    /// then phase-correlates <paramref name="strips"/> horizontal strips of rows, away from the shifted-in border.
    /// Returns <paramref name="global"/> with <see cref="RegistrationResult.LocalShifts"/>, max and RMS residual filled.
    /// </summary>
    public static RegistrationResult WithResidual(GrayImage reference, GrayImage moving, RegistrationResult global, int strips, PhaseCorrelationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(global);
        RequireSameSize(reference, moving);
        options ??= PhaseCorrelationOptions.Default;
        var local = options with { ResidualStrips = 0, RefinementPasses = 0, MaxShift = options.MaxShift ?? 16 };
        var aligned = Resampler.Shift(moving, -global.Dx, -global.Dy);
        var margin = (int)Math.Ceiling(Math.Max(Math.Abs(global.Dx), Math.Abs(global.Dy))) + 2;
        var width = Math.Min(reference.Width - 2 * margin, options.MaxRegionSize);
        var height = reference.Height - 2 * margin;
        var left = (reference.Width - width) / 2;
        var count = Math.Min(strips, height / MinimumStripHeight);
        if (width < MinimumStripHeight || count < 1)
        {
            return global with { Note = AppendNote(global.Note, "image too small for a residual estimate") };
        }

        var shifts = new LocalShift[count];
        double sumSquares = 0;
        double max = 0;
        for (var k = 0; k < count; k++)
        {
            var y0 = margin + (int)((long)height * k / count);
            var y1 = margin + (int)((long)height * (k + 1) / count);
            var a = ImageGeometry.Crop(reference, left, y0, width, y1 - y0);
            var b = ImageGeometry.Crop(aligned, left, y0, width, y1 - y0);
            var (dx, dy, _) = Estimate(Spectrum(a.Pixels, width, y1 - y0, local.WindowAlpha), b.Pixels, width, y1 - y0, local);
            shifts[k] = new LocalShift(left, y0, width, y1 - y0, dx, dy);
            sumSquares += dx * dx + dy * dy;
            max = Math.Max(max, shifts[k].Magnitude);
        }

        return global with { LocalShifts = shifts, ResidualPx = max, ResidualRmsPx = Math.Sqrt(sumSquares / count) };
    }

    private static GrayImage Region(GrayImage image, int x, int y, int width, int height) =>
        width == image.Width && height == image.Height ? image : ImageGeometry.Crop(image, x, y, width, height);

    /// <summary>
    /// The region of moving(x + dx, y + dy): resamples only the region plus a margin, which equals shifting the whole
    /// image and then cropping (the margin covers the kernel; where it is clipped, the image border is replicated anyway).
    /// </summary>
    private static GrayImage ShiftedRegion(GrayImage moving, double dx, double dy, int x, int y, int width, int height)
    {
        var margin = (int)Math.Ceiling(Math.Max(Math.Abs(dx), Math.Abs(dy))) + 4;
        var left = Math.Max(0, x - margin);
        var top = Math.Max(0, y - margin);
        var right = Math.Min(moving.Width, x + width + margin);
        var bottom = Math.Min(moving.Height, y + height + margin);
        var shifted = Resampler.Shift(Region(moving, left, top, right - left, bottom - top), -dx, -dy);
        return Region(shifted, x - left, y - top, width, height);
    }

    /// <summary>The windowed reference's spectrum and energy, computed once and reused by every pass.</summary>
    private static (Complex[] Spectrum, double Energy) Spectrum(float[] pixels, int width, int height, double alpha)
    {
        var data = Prepare(pixels, width, height, alpha, out var energy);
        Fft.Transform2D(data, FftLength(width), FftLength(height), inverse: false);
        return (data, energy);
    }

    /// <summary>
    /// The transform length for an axis: the next power of two when it is at most 25 % longer (zero padding is
    /// harmless after the window tapers the edges, and radix-2 is about three times faster than Bluestein), else the length.
    /// </summary>
    private static int FftLength(int length)
    {
        var power = (int)BitOperations.RoundUpToPowerOf2((uint)length);
        return power <= length * 1.25 ? power : length;
    }

    private static (double Dx, double Dy, double Score) Estimate((Complex[] Spectrum, double Energy) reference, float[] moving, int imageWidth, int imageHeight, PhaseCorrelationOptions options)
    {
        var width = FftLength(imageWidth);
        var height = FftLength(imageHeight);
        var n = width * height;
        var a = reference.Spectrum;
        var energyA = reference.Energy;
        var (b, energyB) = Spectrum(moving, imageWidth, imageHeight, options.WindowAlpha);

        // Cross-power spectrum R = A conj(B); its inverse peaks at p = -(content shift of moving), so D = -p.
        var product = new Complex[n];
        var weightX = LowPassProfile(width, options.LowPassSigma);
        var weightY = LowPassProfile(height, options.LowPassSigma);
        for (var i = 0; i < n; i++)
        {
            var r = a[i] * Complex.Conjugate(b[i]) * (weightX[i % width] * weightY[i / width]);
            if (options.Normalization == CorrelationNormalization.Phase)
            {
                var magnitude = r.Magnitude;
                r = magnitude > 1e-300 ? r / magnitude : Complex.Zero;
            }

            product[i] = r;
        }

        var correlation = (Complex[])product.Clone();
        Fft.Transform2D(correlation, width, height, inverse: true);
        var limit = options.MaxShift ?? double.PositiveInfinity;
        var best = -1.0;
        int peakX = 0, peakY = 0;
        for (var y = 0; y < height; y++)
        {
            var sy = Signed(y, height);
            if (Math.Abs(sy) > limit)
            {
                continue;
            }

            for (var x = 0; x < width; x++)
            {
                var sx = Signed(x, width);
                if (Math.Abs(sx) > limit)
                {
                    continue;
                }

                var value = correlation[y * width + x].Magnitude;
                if (value > best)
                {
                    best = value;
                    peakX = sx;
                    peakY = sy;
                }
            }
        }

        double px = peakX, py = peakY;
        var peak = best;
        if (options.UpsampleFactor > 1)
        {
            (px, py, peak) = Refine(product, width, height, peakX, peakY, options.UpsampleFactor);
            peak /= n;

            // The refinement grid reaches 0.75 px past the coarse peak; keep the answer inside the allowed range.
            px = Math.Clamp(px, -limit, limit);
            py = Math.Clamp(py, -limit, limit);
        }

        var score = options.Normalization == CorrelationNormalization.Phase
            ? peak
            : peak / Math.Max(Math.Sqrt(energyA * energyB), 1e-300);
        return (-px, -py, score);
    }

    private static void RequireSameSize(GrayImage reference, GrayImage moving)
    {
        if (reference.Width != moving.Width || reference.Height != moving.Height)
        {
            throw new InvalidInputException(
                $"Registration needs images of the same size: reference {reference.Width}x{reference.Height}, moving {moving.Width}x{moving.Height}.");
        }

        if (reference.Width < 8 || reference.Height < 8)
        {
            throw new InvalidInputException($"Images of {reference.Width}x{reference.Height} are too small to register (at least 8x8).");
        }
    }

    /// <summary>
    /// Mean-subtracted, Tukey-windowed copy as complex values, zero-padded to <see cref="FftLength"/> on both axes;
    /// returns its energy (sum of squares).
    /// </summary>
    private static Complex[] Prepare(float[] pixels, int width, int height, double alpha, out double energy)
    {
        var stride = FftLength(width);
        double mean = 0;
        for (var i = 0; i < width * height; i++)
        {
            mean += pixels[i];
        }

        mean /= (double)width * height;
        var wx = TukeyProfile(width, alpha);
        var wy = TukeyProfile(height, alpha);
        var data = new Complex[stride * FftLength(height)];
        energy = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = (pixels[y * width + x] - mean) * wx[x] * wy[y];
                data[y * stride + x] = new Complex(v, 0);
                energy += v * v;
            }
        }

        return data;
    }

    /// <summary>Tukey window sampled at pixel centres t = (i + 0.5) / N: cosine ramps over alpha / 2 of each end, 1 between.</summary>
    private static double[] TukeyProfile(int length, double alpha)
    {
        var w = new double[length];
        for (var i = 0; i < length; i++)
        {
            var t = (i + 0.5) / length;
            var edge = Math.Min(t, 1 - t);
            w[i] = alpha > 0 && edge < alpha / 2 ? 0.5 - 0.5 * Math.Cos(2 * Math.PI * edge / alpha) : 1.0;
        }

        return w;
    }

    /// <summary>Separable Gaussian weights over signed frequencies k / N (all ones when <paramref name="sigma"/> is null).</summary>
    private static double[] LowPassProfile(int length, double? sigma)
    {
        var w = new double[length];
        for (var k = 0; k < length; k++)
        {
            var f = (double)Signed(k, length) / length;
            w[k] = sigma is { } s ? Math.Exp(-0.5 * f * f / (s * s)) : 1.0;
        }

        return w;
    }

    private static int Signed(int index, int length) => index > length / 2 ? index - length : index;

    /// <summary>
    /// Upsampled DFT of the cross-power spectrum on a (1.5 U) x (1.5 U) grid of step 1/U around the coarse peak:
    /// c(px, py) = sum_k R[k] exp(+2 pi i (fx px + fy py)), fx, fy the signed frequencies in cycles per pixel.
    /// </summary>
    private static (double Px, double Py, double Magnitude) Refine(Complex[] product, int width, int height, int peakX, int peakY, int upsample)
    {
        var region = (int)Math.Ceiling(upsample * 1.5);
        var centre = region / 2;
        var (kernelXRe, kernelXIm) = Split(SampleKernel(width, region, centre, peakX, upsample));
        var (kernelYRe, kernelYIm) = Split(SampleKernel(height, region, centre, peakY, upsample));
        var (productRe, productIm) = Split(product);

        // Stage 1: along x for every frequency row: t[ky, v] = sum_kx R[ky, kx] kernelX[v, kx], stored transposed
        // (v-major) so stage 2 reads contiguous spans too.
        var stageRe = new double[region * height];
        var stageIm = new double[region * height];
        Parallel.For(0, height, ky =>
        {
            var rowRe = productRe.AsSpan(ky * width, width);
            var rowIm = productIm.AsSpan(ky * width, width);
            for (var v = 0; v < region; v++)
            {
                var (re, im) = ComplexDot(rowRe, rowIm, kernelXRe.AsSpan(v * width, width), kernelXIm.AsSpan(v * width, width));
                stageRe[v * height + ky] = re;
                stageIm[v * height + ky] = im;
            }
        });

        // Stage 2: along y; each output row u is independent, so the argmax below is deterministic.
        var magnitudes = new double[region * region];
        Parallel.For(0, region, u =>
        {
            var kRe = kernelYRe.AsSpan(u * height, height);
            var kIm = kernelYIm.AsSpan(u * height, height);
            for (var v = 0; v < region; v++)
            {
                var (re, im) = ComplexDot(stageRe.AsSpan(v * height, height), stageIm.AsSpan(v * height, height), kRe, kIm);
                magnitudes[u * region + v] = Math.Sqrt(re * re + im * im);
            }
        });

        var best = -1.0;
        int bu = centre, bv = centre;
        for (var u = 0; u < region; u++)
        {
            for (var v = 0; v < region; v++)
            {
                if (magnitudes[u * region + v] > best)
                {
                    best = magnitudes[u * region + v];
                    bu = u;
                    bv = v;
                }
            }
        }

        return (peakX + (bv - centre) / (double)upsample, peakY + (bu - centre) / (double)upsample, best);
    }

    private static (double[] Re, double[] Im) Split(Complex[] values)
    {
        var re = new double[values.Length];
        var im = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            re[i] = values[i].Real;
            im[i] = values[i].Imaginary;
        }

        return (re, im);
    }

    /// <summary>
    /// sum_k a[k] * b[k] for complex vectors held as separate real and imaginary spans: Vector&lt;double&gt; lanes
    /// accumulate four real dot products, then a scalar tail; fixed order, so results do not depend on threads.
    /// </summary>
    internal static (double Re, double Im) ComplexDot(ReadOnlySpan<double> aRe, ReadOnlySpan<double> aIm, ReadOnlySpan<double> bRe, ReadOnlySpan<double> bIm)
    {
        var rr = Vector<double>.Zero;
        var ii = Vector<double>.Zero;
        var ri = Vector<double>.Zero;
        var ir = Vector<double>.Zero;
        var lanes = Vector<double>.Count;
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; k <= aRe.Length - lanes; k += lanes)
            {
                var ar = new Vector<double>(aRe.Slice(k));
                var ai = new Vector<double>(aIm.Slice(k));
                var br = new Vector<double>(bRe.Slice(k));
                var bi = new Vector<double>(bIm.Slice(k));
                rr += ar * br;
                ii += ai * bi;
                ri += ar * bi;
                ir += ai * br;
            }
        }

        var re = Vector.Sum(rr) - Vector.Sum(ii);
        var im = Vector.Sum(ri) + Vector.Sum(ir);
        for (; k < aRe.Length; k++)
        {
            re += aRe[k] * bRe[k] - aIm[k] * bIm[k];
            im += aRe[k] * bIm[k] + aIm[k] * bRe[k];
        }

        return (re, im);
    }

    private static Complex[] SampleKernel(int length, int region, int centre, int peak, int upsample)
    {
        var kernel = new Complex[region * length];
        for (var u = 0; u < region; u++)
        {
            var position = peak + (u - centre) / (double)upsample;
            for (var k = 0; k < length; k++)
            {
                var frequency = (double)Signed(k, length) / length;
                if (length % 2 == 0 && k == length / 2)
                {
                    frequency = -0.5; // numpy.fft.fftfreq puts the Nyquist bin at -1/2.
                }

                kernel[u * length + k] = Complex.FromPolarCoordinates(1.0, 2.0 * Math.PI * frequency * position);
            }
        }

        return kernel;
    }

    private static string AppendNote(string? note, string text) => string.IsNullOrEmpty(note) ? text : note + "; " + text;
}
