using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.TestUtilities;

namespace SemRestore.Classical.Tests.Support;

/// <summary>The committed fixtures in tests/Golden/classical and small helpers to compare against them.</summary>
internal static class Golden
{
    public static string Directory => Path.Combine(TestPaths.Golden, "classical");

    public static GrayImage Image(string name) => Npy.Read(Path.Combine(Directory, name + ".npy"));

    public static JsonElement Meta()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "golden.json")));
        return document.RootElement.Clone();
    }

    /// <summary>PSNR in dB for data range 1: 10 log10(1 / mse), in double.</summary>
    public static double Psnr(GrayImage image, GrayImage reference)
    {
        image.EnsureSameSize(reference);
        double sum = 0;
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            double d = image.Pixels[i] - reference.Pixels[i];
            sum += d * d;
        }

        return 10 * Math.Log10(1.0 / (sum / image.Pixels.Length));
    }

    public static double MaxAbsDifference(GrayImage a, GrayImage b)
    {
        a.EnsureSameSize(b);
        double max = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)a.Pixels[i] - b.Pixels[i]));
        }

        return max;
    }

    /// <summary>Rounds to 8-bit codes and back, as an 8-bit writer would store the image.</summary>
    public static GrayImage QuantizeTo8Bit(GrayImage image)
    {
        var copy = image.Clone();
        for (var i = 0; i < copy.Pixels.Length; i++)
        {
            copy.Pixels[i] = MathF.Round(Math.Clamp(copy.Pixels[i], 0f, 1f) * 255f) / 255f;
        }

        return copy;
    }
}
