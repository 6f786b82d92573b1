using SemRestore.Imaging;
using SemRestore.TestUtilities;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests;

/// <summary>Small on-disk scenes (raw float frames) with clean ground truth and noisy acquisitions.</summary>
public static class TestScenes
{
    /// <summary>Frame keys every generated scene has.</summary>
    public static readonly string[] Keys = ["clean", "F01", "F01b", "F02", "F08", "F64"];

    /// <summary>
    /// Writes <paramref name="count"/> scenes of <paramref name="size"/>^2 pixels: a textured clean image and
    /// Gaussian noise of std <paramref name="sigma"/>/sqrt(n) for Fn (independent per frame).
    /// </summary>
    public static List<SceneSource> Write(string directory, int count, int size, double sigma = 0.1, int seed = 1,
        DatasetSplit[]? splits = null)
    {
        var scenes = new List<SceneSource>();
        for (var s = 0; s < count; s++)
        {
            var sceneDirectory = Path.Combine(directory, $"scene-{s:000}");
            Directory.CreateDirectory(sceneDirectory);
            var clean = TestImages.Textured(size, size, seed + s);
            var frames = new Dictionary<string, string>();
            var random = new SeededRandom((ulong)(seed * 1000 + s));
            foreach (var key in Keys)
            {
                var n = Math.Max(1, FrameKeys.FrameCount(key));
                var image = clean.Clone();
                if (key != "clean")
                {
                    var std = sigma / Math.Sqrt(n);
                    for (var i = 0; i < image.Pixels.Length; i++)
                    {
                        image.Pixels[i] += (float)(std * random.NextGaussian());
                    }
                }

                var path = Path.Combine(sceneDirectory, key + ".raw");
                RawFrameReader.Write(path, image);
                frames[key] = path;
            }

            scenes.Add(new SceneSource($"scene-{s:000}", splits?[s] ?? DatasetSplit.Train, frames));
        }

        return scenes;
    }

    public static FrameDatasetOptions Options(long cacheBytes = 1L << 30) => new(CacheBytes: cacheBytes, Reader: RawFrameReader.Instance);

    public static GrayImage Read(string path) => RawFrameReader.Instance.Read(path);
}
