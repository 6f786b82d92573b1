using SemRestore.Imaging;
using SemRestore.Metrics;
using SemRestore.Metrics.Circles;
using SemRestore.Metrics.Noise;

namespace SemRestore.Benchmarks;

/// <summary>
/// <c>./benchmarks/run.sh metrics</c>: PSNR and both SSIM variants on a 3072x2048 pair against scikit-image (target:
/// faster than skimage for SSIM), MS-SSIM and the noise correlation map (no peer), and the Hough circle detector against
/// cv2.HoughCircles on a 1536x1024 holes scene. Options: --width, --height, --runs.
/// </summary>
public static class MetricsSuite
{
    public static int Run(string[] args)
    {
        var arguments = SuiteArguments.Parse(args);
        var width = int.Parse(arguments.Options.GetValueOrDefault("width", "3072"), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(arguments.Options.GetValueOrDefault("height", "2048"), System.Globalization.CultureInfo.InvariantCulture);
        var runs = int.Parse(arguments.Options.GetValueOrDefault("runs", "5"), System.Globalization.CultureInfo.InvariantCulture);
        var harness = new BenchmarkHarness("metrics", runs);
        var script = SuiteArguments.PeerScript("metrics");
        var hasPeer = PeerProcess.IsAvailable(script);

        var reference = Texture(width, height, 1);
        var noisy = AddNoise(reference, 0.05, 2);
        var pathA = Path.Combine(arguments.WorkDirectory, "metrics-a.f32");
        var pathB = Path.Combine(arguments.WorkDirectory, "metrics-b.f32");
        WriteRaw(pathA, reference);
        WriteRaw(pathB, noisy);
        var size = new[] { width.ToString(System.Globalization.CultureInfo.InvariantCulture), height.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Func<(double, double)>? Peer(string name) => hasPeer ? () => PeerProcess.Time(script, [name, pathA, pathB, .. size]) : null;
        var megapixels = width * (double)height / 1e6;
        Dictionary<string, double> PerMegapixel(double ms) => new() { ["ms_per_mp"] = ms / megapixels };

        var label = $"{width}x{height}";
        harness.Measure($"psnr {label}", () => PsnrMetric.Compute(noisy, reference), hasPeer ? "skimage" : null, Peer("psnr"), extraFromMs: PerMegapixel);
        harness.Measure($"ssim skimage-default (7x7 uniform) {label}", () => SsimMetric.Compute(noisy, reference, SsimOptions.SkimageDefault()),
            hasPeer ? "skimage" : null, Peer("ssim-skimage"), extraFromMs: PerMegapixel);
        harness.Measure($"ssim wang (11x11 gaussian) {label}", () => SsimMetric.Compute(noisy, reference, SsimOptions.Wang()),
            hasPeer ? "skimage" : null, Peer("ssim-wang"), extraFromMs: PerMegapixel);
        harness.Measure($"ms-ssim {label}", () => MsSsimMetric.Compute(noisy, reference), extraFromMs: PerMegapixel);
        var residual = NoiseAnalysis.Residual(noisy, reference);
        harness.Measure($"noise correlation map k=5 {label}", () => NoiseCorrelationMap.Compute(residual, 5), extraFromMs: PerMegapixel);

        // Holes scene for the detector: the 12 x 9 pattern of tests/Golden/metrics tiled 4 x 4 (1536 x 1152), plus noise.
        var holes = HolesScene(4);
        var holesPath = Path.Combine(arguments.WorkDirectory, "metrics-holes.f32");
        WriteRaw(holesPath, holes);
        var options = new CircleDetectorOptions { MinRadius = 5, MaxRadius = 15, MinDistance = 14, EdgeThreshold = 100, AccumulatorThreshold = 20 };
        var found = HoughCircleDetector.Detect(holes, options).Count;
        harness.Measure($"hough circles {holes.Width}x{holes.Height}", () => HoughCircleDetector.Detect(holes, options),
            hasPeer ? "cv2.HoughCircles" : null,
            hasPeer ? () => PeerProcess.Time(script, "hough", holesPath, holesPath, holes.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), holes.Height.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
            extra: new Dictionary<string, double> { ["circles"] = found });
        return harness.Finish(arguments.ResultsDirectory);
    }

    private static GrayImage Texture(int width, int height, int seed)
    {
        var random = new Random(seed);
        var image = new GrayImage(width, height);
        var fx = new double[6];
        var fy = new double[6];
        var phase = new double[6];
        for (var k = 0; k < 6; k++)
        {
            fx[k] = (random.NextDouble() - 0.5) * 0.3;
            fy[k] = (random.NextDouble() - 0.5) * 0.3;
            phase[k] = random.NextDouble() * Math.Tau;
        }

        Parallel.For(0, height, y =>
        {
            for (var x = 0; x < width; x++)
            {
                double v = 0;
                for (var k = 0; k < 6; k++)
                {
                    v += Math.Sin(fx[k] * x + fy[k] * y + phase[k]);
                }

                image.Pixels[y * width + x] = (float)(0.5 + 0.4 * v / 6);
            }
        });
        return image;
    }

    private static GrayImage AddNoise(GrayImage image, double sigma, int seed)
    {
        var random = new Random(seed);
        var noisy = image.Clone();
        for (var i = 0; i < noisy.Pixels.Length; i++)
        {
            var gauss = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(Math.Tau * random.NextDouble());
            noisy.Pixels[i] = (float)Math.Clamp(noisy.Pixels[i] + sigma * gauss, 0, 1);
        }

        return noisy;
    }

    private static GrayImage HolesScene(int tiles)
    {
        var path = Path.Combine("tests", "Golden", "metrics", "holes_noisy_384x288.u8");
        var bytes = File.ReadAllBytes(path);
        var image = new GrayImage(384 * tiles, 288 * tiles);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                image.Pixels[y * image.Width + x] = bytes[y % 288 * 384 + x % 384] / 255f;
            }
        }

        return image;
    }

    private static void WriteRaw(string path, GrayImage image)
    {
        var bytes = new byte[image.Pixels.Length * 4];
        Buffer.BlockCopy(image.Pixels, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }
}
