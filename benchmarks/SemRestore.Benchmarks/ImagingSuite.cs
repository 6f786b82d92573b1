using SemRestore.Imaging;
using SemRestore.Imaging.Io;

namespace SemRestore.Benchmarks;

/// <summary>
/// <c>imaging</c>: read and write a 3072x2048 16-bit image as TIFF (uncompressed and LZW) and PNG, against
/// python3-pil on the same files. SemRestore's read includes conversion to float32 in [0, 1]; PIL's is the decode.
/// </summary>
public static class ImagingSuite
{
    private const int Width = 3072;
    private const int Height = 2048;

    public static int Run(string[] args)
    {
        var arguments = SuiteArguments.Parse(args);
        var runs = arguments.Options.TryGetValue("runs", out var r) ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 5;
        var harness = new BenchmarkHarness("imaging", runs);
        var script = SuiteArguments.PeerScript("imaging");
        var peer = PeerProcess.IsAvailable(script);
        var image = SemLikeImage();
        var work = arguments.WorkDirectory;
        var files = new Dictionary<string, (string Path, ImageWriteOptions Options)>
        {
            ["tiff-none"] = (Path.Combine(work, "u16_none.tif"), new ImageWriteOptions(16, TiffCompression.None)),
            ["tiff-lzw"] = (Path.Combine(work, "u16_lzw.tif"), new ImageWriteOptions(16, TiffCompression.Lzw)),
            ["png"] = (Path.Combine(work, "u16.png"), new ImageWriteOptions(16)),
        };
        foreach (var (_, (path, options)) in files)
        {
            ImageIo.Write(path, image, options);
        }

        var megapixels = Width * Height / 1e6;
        Dictionary<string, double> Extra(string path, double ms) => new()
        {
            ["megapixels_per_s"] = megapixels / (ms / 1000.0),
            ["file_mb"] = new FileInfo(path).Length / 1e6,
        };

        foreach (var (kind, (path, _)) in files)
        {
            var peerCase = kind == "png" ? "read-png" : "read-tiff";
            harness.Measure($"read {kind} 3072x2048x16", () => ImageIo.Read(path), peer ? "python3-pil" : null,
                peer ? () => PeerProcess.Time(script, peerCase, path) : null, extraFromMs: ms => Extra(path, ms));
        }

        foreach (var (kind, (path, options)) in files)
        {
            var ours = Path.Combine(work, "ours_" + Path.GetFileName(path));
            var theirs = Path.Combine(work, "pil_" + Path.GetFileName(path));
            harness.Measure($"write {kind} 3072x2048x16", () => ImageIo.Write(ours, image, options), peer ? "python3-pil" : null,
                peer ? () => PeerProcess.Time(script, "write-" + kind, path, theirs) : null, extraFromMs: ms => Extra(ours, ms));
        }

        return harness.Finish(arguments.ResultsDirectory);
    }

    /// <summary>A seeded SEM-like scene: smooth structures plus shot-like noise, so compressors see realistic data.</summary>
    private static GrayImage SemLikeImage()
    {
        var image = new GrayImage(Width, Height, 16);
        Parallel.For(0, Height, y =>
        {
            var random = new Random(1000 + y);
            var row = image.Row(y);
            for (var x = 0; x < Width; x++)
            {
                var structure = 0.45 + (0.25 * Math.Sin(x / 37.0) * Math.Cos(y / 53.0)) + (((x / 256) + (y / 256)) % 2 == 0 ? 0.1 : 0.0);
                var noise = (random.NextDouble() - 0.5) * 0.08;
                row[x] = (float)Math.Clamp(structure + noise, 0, 1);
            }
        });
        return image;
    }
}
