namespace SemRestore.Imaging.Geometry;

/// <summary>
/// Resizing and sub-pixel shifting by separable interpolation. <see cref="Resize"/> reproduces PIL's
/// <c>Image.resize</c> (Pillow's Resample.c) on float data: pixel centres at i + 0.5, and when shrinking the
/// kernel support is widened by the scale factor (antialiasing), weights normalised to sum 1.
/// </summary>
public static class Resampler
{
    /// <summary>Largest |dx| or |dy| <see cref="Shift"/> accepts (keeps index arithmetic in range).</summary>
    public const double MaxShift = 1e7;

    /// <summary>
    /// Resizes to <paramref name="width"/> x <paramref name="height"/>. Horizontal pass first, then vertical, each
    /// accumulated in double. By default nothing is clamped or rounded (bicubic and Lanczos may overshoot [0, 1]
    /// slightly), which is PIL's float ("F") mode. With <paramref name="emulateIntegerModes"/>, the intermediate and the
    /// result are clamped to [0, 1] and, for 8- or 16-bit images (<see cref="GrayImage.BitDepth"/>), rounded to that many
    /// levels after each pass, as PIL's "L"/"I;16" modes store them; results then agree with PIL to one level.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or the method is unknown.</exception>
    public static GrayImage Resize(GrayImage image, int width, int height, ResampleMethod method = ResampleMethod.Bicubic, bool emulateIntegerModes = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Target size must be positive, got {width}x{height}.");
        }

        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), $"Unknown resample method {method}.");
        }

        GrayImage result;
        if (method == ResampleMethod.Nearest)
        {
            result = ResizeNearest(image, width, height);
        }
        else
        {
            var current = image;
            if (width != image.Width)
            {
                current = ResampleRows(current, Coefficients.ForResize(image.Width, width, method));
                Quantize(current, emulateIntegerModes, image.BitDepth);
            }

            if (height != image.Height)
            {
                current = ResampleColumns(current, Coefficients.ForResize(image.Height, height, method));
                Quantize(current, emulateIntegerModes, image.BitDepth);
            }

            result = ReferenceEquals(current, image) ? image.Clone() : current;
        }

        result.BitDepth = image.BitDepth;
        result.CopyMetadataFrom(image);
        return result;
    }

    /// <summary>
    /// Sub-pixel translation: output(x, y) = input(x - dx, y - dy), so content moves right by <paramref name="dx"/>
    /// and down by <paramref name="dy"/>. Interpolates with the <paramref name="method"/> kernel at scale 1; samples
    /// outside the image come from <paramref name="border"/> (replicate by default, so no dark band appears).
    /// Integer shifts with Bilinear/Bicubic/Lanczos3 are exact copies inside the image.
    /// </summary>
    public static GrayImage Shift(GrayImage image, double dx, double dy, ResampleMethod method = ResampleMethod.Bicubic, PadMode border = PadMode.Replicate)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!double.IsFinite(dx) || !double.IsFinite(dy) || Math.Abs(dx) > MaxShift || Math.Abs(dy) > MaxShift)
        {
            throw new ArgumentOutOfRangeException(nameof(dx), $"Shift must be finite and within +-{MaxShift} px, got ({dx}, {dy}).");
        }

        if (method == ResampleMethod.Nearest)
        {
            return ImageGeometry.Translate(image, (int)Math.Round(dx), (int)Math.Round(dy));
        }

        var current = image;
        if (dx != 0)
        {
            current = ResampleRows(current, Coefficients.ForShift(image.Width, dx, method, border));
        }

        if (dy != 0)
        {
            current = ResampleColumns(current, Coefficients.ForShift(image.Height, dy, method, border));
        }

        var result = ReferenceEquals(current, image) ? image.Clone() : current;
        result.BitDepth = image.BitDepth;
        result.CopyMetadataFrom(image);
        return result;
    }

    private static GrayImage ResizeNearest(GrayImage image, int width, int height)
    {
        var columns = NearestMap(image.Width, width);
        var rows = NearestMap(image.Height, height);
        var result = new GrayImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var source = image.Row(rows[y]);
            var target = result.Row(y);
            for (var x = 0; x < width; x++)
            {
                target[x] = source[columns[x]];
            }
        }

        return result;
    }

    private static int[] NearestMap(int inSize, int outSize)
    {
        // PIL (ImagingScaleAffine) maps output centres to input floor((i + 0.5) * in / out), accumulating the position
        // by repeated addition; doing the same keeps exact-boundary cases (e.g. 64 -> 21 at i = 10) identical.
        var map = new int[outSize];
        var scale = (double)inSize / outSize;
        var position = scale * 0.5;
        for (var i = 0; i < outSize; i++)
        {
            map[i] = Math.Clamp((int)position, 0, inSize - 1);
            position += scale;
        }

        return map;
    }

    private static void Quantize(GrayImage image, bool enabled, int bitDepth)
    {
        if (!enabled)
        {
            return;
        }

        var pixels = image.Pixels;
        var levels = bitDepth switch { 8 => 255.0, 16 => 65535.0, _ => 0.0 };
        for (var i = 0; i < pixels.Length; i++)
        {
            var v = Math.Clamp(pixels[i], 0f, 1f);
            pixels[i] = levels > 0 ? (float)(Math.Round(v * levels, MidpointRounding.AwayFromZero) / levels) : v;
        }
    }

    private static GrayImage ResampleRows(GrayImage image, Coefficients c)
    {
        var result = new GrayImage(c.OutSize, image.Height);
        var inWidth = image.Width;
        var src = image.Pixels;
        var dst = result.Pixels;
        Parallel.For(0, image.Height, y =>
        {
            var rowStart = y * inWidth;
            var outRow = y * c.OutSize;
            for (var x = 0; x < c.OutSize; x++)
            {
                double sum = 0;
                var k = x * c.MaxTaps;
                for (var t = 0; t < c.Count[x]; t++)
                {
                    sum += src[rowStart + c.Index[k + t]] * c.Weight[k + t];
                }

                dst[outRow + x] = (float)sum;
            }
        });
        return result;
    }

    private static GrayImage ResampleColumns(GrayImage image, Coefficients c)
    {
        var width = image.Width;
        var result = new GrayImage(width, c.OutSize);
        var src = image.Pixels;
        var dst = result.Pixels;
        Parallel.For(0, c.OutSize, y =>
        {
            // Row-wise accumulation keeps memory access sequential.
            var acc = new double[width];
            var k = y * c.MaxTaps;
            for (var t = 0; t < c.Count[y]; t++)
            {
                var w = c.Weight[k + t];
                var source = src.AsSpan(c.Index[k + t] * width, width);
                for (var x = 0; x < width; x++)
                {
                    acc[x] += source[x] * w;
                }
            }

            var target = dst.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                target[x] = (float)acc[x];
            }
        });
        return result;
    }

    /// <summary>Per output sample: the source indices and normalised weights, padded to MaxTaps per sample.</summary>
    private sealed class Coefficients
    {
        private Coefficients(int outSize, int maxTaps)
        {
            OutSize = outSize;
            MaxTaps = maxTaps;
            Index = new int[outSize * maxTaps];
            Weight = new double[outSize * maxTaps];
            Count = new int[outSize];
        }

        public int OutSize { get; }

        public int MaxTaps { get; }

        public int[] Index { get; }

        public double[] Weight { get; }

        public int[] Count { get; }

        /// <summary>PIL's precompute_coeffs: support widened by the scale when shrinking, window clipped to the image.</summary>
        public static Coefficients ForResize(int inSize, int outSize, ResampleMethod method)
        {
            var scale = (double)inSize / outSize;
            var filterScale = Math.Max(scale, 1.0);
            var support = ResampleKernel.Support(method) * filterScale;
            var maxTaps = (int)Math.Ceiling(support) * 2 + 1;
            var c = new Coefficients(outSize, maxTaps);
            var inverse = 1.0 / filterScale;
            for (var i = 0; i < outSize; i++)
            {
                var center = (i + 0.5) * scale;
                // C casts truncate toward zero; both bounds are clipped to the image as in PIL.
                var min = Math.Max((int)(center - support + 0.5), 0);
                var max = Math.Min((int)(center + support + 0.5), inSize) - min;
                max = Math.Min(max, maxTaps);
                double total = 0;
                var k = i * maxTaps;
                for (var t = 0; t < max; t++)
                {
                    var w = ResampleKernel.Evaluate(method, (t + min - center + 0.5) * inverse);
                    c.Index[k + t] = min + t;
                    c.Weight[k + t] = w;
                    total += w;
                }

                if (total != 0)
                {
                    for (var t = 0; t < max; t++)
                    {
                        c.Weight[k + t] /= total;
                    }
                }

                c.Count[i] = max;
            }

            return c;
        }

        /// <summary>Output i samples input position i - shift; out-of-range taps fold back per the border mode.</summary>
        public static Coefficients ForShift(int size, double shift, ResampleMethod method, PadMode border)
        {
            var support = (int)ResampleKernel.Support(method);
            var maxTaps = 2 * support;
            var c = new Coefficients(size, maxTaps);
            var integer = Math.Floor(-shift);
            var fraction = -shift - integer;
            var weights = new double[maxTaps];
            double total = 0;
            for (var t = 0; t < maxTaps; t++)
            {
                weights[t] = ResampleKernel.Evaluate(method, t - (support - 1) - fraction);
                total += weights[t];
            }

            for (var t = 0; t < maxTaps; t++)
            {
                weights[t] /= total;
            }

            for (var i = 0; i < size; i++)
            {
                var k = i * maxTaps;
                var count = 0;
                for (var t = 0; t < maxTaps; t++)
                {
                    var source = i + (int)integer + t - (support - 1);
                    if ((uint)source >= (uint)size)
                    {
                        if (border == PadMode.Zero)
                        {
                            continue;
                        }

                        source = ImageGeometry.MapIndex(source, size, border);
                    }

                    c.Index[k + count] = source;
                    c.Weight[k + count] = weights[t];
                    count++;
                }

                c.Count[i] = count;
            }

            return c;
        }
    }
}
