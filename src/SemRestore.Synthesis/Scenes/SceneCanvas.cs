using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using SemRestore.Imaging;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Scenes;

/// <summary>Building blocks shared by the scene generators: background, beam blur, smooth steps.</summary>
internal static class SceneCanvas
{
    /// <summary>Stream purposes so that scene streams never coincide with each other or with noise streams.</summary>
    public const ulong BackgroundPurpose = 0x42474E44UL;
    public const ulong FeaturePurpose = 0x46454154UL;
    public const ulong DefectPurpose = 0x44454654UL;

    /// <summary>Largest scene area: a 64-megapixel scene already needs about 2 GB for its canvases during acquisition.</summary>
    public const long MaxPixels = 64L * 1024 * 1024;

    /// <summary>Logistic step: 0 far below 0, 1 far above, 0.5 at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Step(float t) => 1f / (1f + MathF.Exp(-t));

    /// <summary>Checks size and margin; throws naming the parameter and range.</summary>
    public static void ValidateSize(int width, int height, int margin)
    {
        if (width < 16 || height < 16 || width > 32768 || height > 32768)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Scene size must be 16..32768 per side, got {width}x{height}.");
        }

        if ((long)width * height > MaxPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Scene {width}x{height} has more than {MaxPixels / 1_000_000} megapixels; generate it in tiles or smaller scenes.");
        }

        if (margin < 0 || margin > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), $"Margin must be 0..4096 pixels, got {margin}.");
        }
    }

    /// <summary>
    /// Fills the canvas with a background level times a slow gradient: a linear ramp of relative amplitude
    /// <paramref name="gradient"/> in a random direction plus two long sinusoids of half that amplitude, and
    /// white grain of amplitude <paramref name="grain"/> (the beam blur later turns it into fine texture).
    /// Coordinates are image pixels (canvas minus margin).
    /// </summary>
    public static void FillBackground(GrayImage canvas, int margin, int width, int height, float level, float gradient, float grain, ulong seed,
        CancellationToken cancellationToken)
    {
        var random = new CounterRandom(seed, BackgroundPurpose);
        var angle = random.NextUniform(0, 2 * Math.PI);
        var (gy, gx) = Math.SinCos(angle);
        var waveKx = new double[2];
        var waveKy = new double[2];
        var wavePhase = new double[2];
        for (var k = 0; k < 2; k++)
        {
            var direction = random.NextUniform(0, 2 * Math.PI);
            var period = Math.Max(width, height) * random.NextUniform(0.6, 1.4);
            waveKx[k] = Math.Cos(direction) * 2 * Math.PI / period;
            waveKy[k] = Math.Sin(direction) * 2 * Math.PI / period;
            wavePhase[k] = random.NextUniform(0, 2 * Math.PI);
        }

        var scale = 1.0 / Math.Max(width, height);
        var canvasWidth = canvas.Width;
        Parallel.For(0, canvas.Height, RowParallelism.Options(cancellationToken), py =>
        {
            var row = canvas.Pixels.AsSpan(py * canvasWidth, canvasWidth);
            var rowRandom = new CounterRandom(seed, BackgroundPurpose, 1, (ulong)py);
            var y = py - margin - (height - 1) * 0.5;
            for (var px = 0; px < canvasWidth; px++)
            {
                var x = px - margin - (width - 1) * 0.5;
                var ramp = (gx * x + gy * y) * scale;
                var waves = Math.Sin(waveKx[0] * x + waveKy[0] * y + wavePhase[0]) + Math.Sin(waveKx[1] * x + waveKy[1] * y + wavePhase[1]);
                var noise = (float)(rowRandom.NextDouble() - 0.5) * 2 * grain;
                row[px] = (float)(level * (1 + gradient * (ramp + 0.25 * waves))) + noise;
            }
        });
    }

    /// <summary>
    /// Separable Gaussian blur of standard deviation <paramref name="sigma"/> pixels (the beam's point-spread
    /// function), taps to 3 sigma, borders mirrored; then clamps to [0, 1]. Rows and columns in parallel.
    /// </summary>
    public static void BlurAndClamp(GrayImage image, double sigma, CancellationToken cancellationToken)
    {
        var options = RowParallelism.Options(cancellationToken);
        if (sigma > 0)
        {
            var kernel = GaussianKernel(sigma);
            var radius = kernel.Length / 2;
            var width = image.Width;
            var height = image.Height;
            var temp = new float[image.Pixels.Length];
            var source = image.Pixels;
            Parallel.For(0, height, options, () => new float[width + 2 * radius], (y, _, padded) =>
            {
                var row = source.AsSpan(y * width, width);
                row.CopyTo(padded.AsSpan(radius));
                for (var i = 0; i < radius; i++)
                {
                    padded[radius - 1 - i] = row[Math.Min(i + 1, width - 1)];
                    padded[radius + width + i] = row[Math.Max(width - 2 - i, 0)];
                }

                var output = temp.AsSpan(y * width, width);
                output.Clear();
                for (var k = 0; k < kernel.Length; k++)
                {
                    TensorPrimitives.MultiplyAdd(padded.AsSpan(k, width), kernel[k], output, output);
                }

                return padded;
            }, _ => { });
            Parallel.For(0, height, options, y =>
            {
                var output = source.AsSpan(y * width, width);
                output.Clear();
                for (var k = 0; k < kernel.Length; k++)
                {
                    var sy = Mirror(y + k - radius, height);
                    TensorPrimitives.MultiplyAdd(temp.AsSpan(sy * width, width), kernel[k], output, output);
                }
            });
        }

        TensorPrimitives.Clamp(image.Pixels, 0f, 1f, image.Pixels);
    }

    /// <summary>Mirror index into [0, n) without repeating the edge sample.</summary>
    public static int Mirror(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        while (i < 0 || i >= n)
        {
            i = i < 0 ? -i : 2 * n - 2 - i;
        }

        return i;
    }

    /// <summary>Normalised Gaussian taps out to 3 sigma.</summary>
    public static float[] GaussianKernel(double sigma)
    {
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var kernel = new float[2 * radius + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++)
        {
            var value = Math.Exp(-i * i / (2 * sigma * sigma));
            kernel[i + radius] = (float)value;
            sum += value;
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] = (float)(kernel[i] / sum);
        }

        return kernel;
    }
}
