using SemRestore.Classical;
using SemRestore.Imaging;

namespace SemRestore.Benchmarks;

/// <summary>
/// Classical denoisers on a seeded 3072x2048 textured, noisy float image against OpenCV (benchmarks/peers/classical.py) on
/// the same pixels: median 3 and 5 (float32 both sides), Gaussian sigma 2 (ksize 17), bilateral d 9, NLM (OpenCV only on
/// 8-bit: the peer gets the image rounded to 8 bits), median 11 x 3 (OpenCV only on 8-bit). BM3D runs on a 512x512 crop
/// and reports seconds per megapixel (no peer: OpenCV's BM3D is not in Debian's build).
/// Options: --width W --height H (default 3072x2048), --runs N (default 5), --bm3d-size S (default 512), --only TEXT (rows whose name contains TEXT),
/// --warm-up-seconds S (default 2; 0 = a single warm-up call on both sides).
/// </summary>
public static class ClassicalSuite
{
    public static int Run(string[] args)
    {
        var arguments = SuiteArguments.Parse(args);
        var width = int.Parse(arguments.Options.GetValueOrDefault("width", "3072"));
        var height = int.Parse(arguments.Options.GetValueOrDefault("height", "2048"));
        var runs = int.Parse(arguments.Options.GetValueOrDefault("runs", "5"));
        var bm3dSize = int.Parse(arguments.Options.GetValueOrDefault("bm3d-size", "512"));
        var image = CreateImage(width, height, seed: 1);
        var raw = Path.Combine(arguments.WorkDirectory, $"classical_{width}x{height}.f32");
        WriteRaw(raw, image);
        var peer = SuiteArguments.PeerScript("classical");
        var havePeer = PeerProcess.IsAvailable(peer);
        // Warm-up of up to 10 calls or 2 s on both sides (see BenchmarkHarness): steady-state times of a filter called
        // repeatedly, as the tiler and the web app do; the first call of a fresh process is slower on both sides.
        var warmUpSeconds = double.Parse(arguments.Options.GetValueOrDefault("warm-up-seconds", "2"), System.Globalization.CultureInfo.InvariantCulture);
        var harness = new BenchmarkHarness("classical", runs, warmUpSeconds);
        var megapixels = width * height / 1e6;

        var only = arguments.Options.GetValueOrDefault("only");
        var image16 = image.Clone();
        for (var i = 0; i < image16.Pixels.Length; i++)
        {
            image16.Pixels[i] = MathF.Round(image16.Pixels[i] * 65535f) / 65535f;
        }

        void Row(string name, string spec, string? peerCase, string? peerName = null, GrayImage? input = null)
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var denoiser = DenoiserRegistry.Create(spec);
            var source = input ?? image;
            harness.Measure(
                $"{name} {width}x{height}",
                () => denoiser.Denoise(source),
                peerCase is null || !havePeer ? null : peerName ?? "cv2 float32",
                peerCase is null || !havePeer ? null : () => PeerProcess.Time(peer, peerCase, raw, width.ToString(), height.ToString(),
                    warmUpSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                extraFromMs: ms => new Dictionary<string, double> { ["mpix_per_s"] = megapixels / (ms / 1000) });
        }

        Row("median 3x3", "median:size=3", "median3");
        Row("median 5x5", "median:size=5", "median5");
        Row("median 3x3 (peer on uint8)", "median:size=3", "median3_u8", "cv2 uint8");
        Row("median 11x11 x3 (peer on uint8)", "median:size=11,passes=3", "median11x3_u8", "cv2 uint8");
        Row("median 11x11 x3 on 16-bit codes (peer on uint8)", "median:size=11,passes=3", "median11x3_u8", "cv2 uint8", image16);
        Row("gaussian sigma 2", "gaussian:sigma=2", "gaussian2");
        Row("bilateral d9", "bilateral:diameter=9,sigma_color=25,sigma_space=3", "bilateral9");
        Row("nlm h10 7/21 (peer on uint8)", "nlm:h=10,template=7,search=21", "nlm_u8", "cv2 uint8");

        var crop = CreateImage(bm3dSize, bm3dSize, seed: 2);
        var cropMegapixels = bm3dSize * bm3dSize / 1e6;
        foreach (var spec in new[] { "bm3d:sigma=25", "bm3d:sigma=25,steps=1" })
        {
            if (only is not null && !spec.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var denoiser = DenoiserRegistry.Create(spec);
            harness.Measure($"{spec} {bm3dSize}x{bm3dSize}", () => denoiser.Denoise(crop),
                extraFromMs: ms => new Dictionary<string, double>
                {
                    ["s_per_mpix"] = ms / 1000 / cropMegapixels,
                    // CPU seconds of this process (all threads) per megapixel for one more run: a load-independent figure on a shared machine.
                    ["cpu_s_per_mpix"] = CpuSeconds(() => denoiser.Denoise(crop)) / cropMegapixels,
                });
        }

        return harness.Finish(arguments.ResultsDirectory);
    }

    private static double CpuSeconds(Action action)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    /// <summary>A smooth texture with edges plus Gaussian noise sigma 0.05, seeded.</summary>
    private static GrayImage CreateImage(int width, int height, int seed)
    {
        var random = new Random(seed);
        var image = new GrayImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                var texture = 0.5 + 0.25 * Math.Sin(x * 0.05) * Math.Cos(y * 0.03) + ((x / 64 + y / 64) % 2 == 0 ? 0.1 : -0.1);
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                row[x] = (float)Math.Clamp(texture + 0.05 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(Math.Tau * u2), 0, 1);
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
