using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests;

/// <summary>Reads tests/Golden/metrics (raw little-endian files written by make_golden.py) and golden.json.</summary>
internal static class GoldenData
{
    private static readonly Lazy<JsonDocument> s_json = new(() => JsonDocument.Parse(File.ReadAllText(PathOf("golden.json"))));

    public static JsonElement Json => s_json.Value.RootElement;

    public static string PathOf(string name) => Path.Combine(TestPaths.Golden, "metrics", name);

    public static double Value(string key) => Json.GetProperty(key).GetDouble();

    public static GrayImage ReadF32(string name, int width, int height)
    {
        var bytes = File.ReadAllBytes(PathOf(name));
        Assert.Equal(width * height * 4, bytes.Length);
        var pixels = new float[width * height];
        Buffer.BlockCopy(bytes, 0, pixels, 0, bytes.Length);
        return new GrayImage(width, height, pixels);
    }

    public static GrayImage ReadU8(string name, int width, int height)
    {
        var bytes = File.ReadAllBytes(PathOf(name));
        Assert.Equal(width * height, bytes.Length);
        var image = new GrayImage(width, height, 8);
        for (var i = 0; i < bytes.Length; i++)
        {
            image.Pixels[i] = bytes[i] / 255f;
        }

        return image;
    }
}
