using SemRestore.Imaging;
using SemRestore.Metrics.Noise;

namespace SemRestore.Metrics.Evaluation;

/// <summary>Renders report figures: grey crops and the noise-correlation heat map.</summary>
public static class ReportFigures
{
    /// <summary>Writes a grey PNG of <paramref name="image"/>: values in [0, <paramref name="dataRange"/>] map to 0..255, clipped.</summary>
    public static void WriteGray(string path, GrayImage image, double dataRange = 1.0)
    {
        var bytes = new byte[image.Pixels.Length];
        var scale = 255.0 / dataRange;
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)Math.Clamp(Math.Round(image.Pixels[i] * scale), 0, 255);
        }

        PngEncoder.Write(path, image.Width, image.Height, 1, bytes);
    }

    /// <summary>
    /// Writes the correlation map as a heat map, <paramref name="cell"/> pixels per offset: blue (-1) through white (0)
    /// to red (+1); row dy, column dx, the centre cell is offset (0, 0).
    /// </summary>
    public static void WriteHeatMap(string path, NoiseCorrelationMap map, int cell = 24)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cell, 1);
        var side = map.Size * cell;
        var bytes = new byte[side * side * 3];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var value = Math.Clamp(map.Values[y / cell * map.Size + x / cell], -1, 1);
                var (r, g, b) = Diverging(value);
                var i = (y * side + x) * 3;
                bytes[i] = r;
                bytes[i + 1] = g;
                bytes[i + 2] = b;
            }
        }

        PngEncoder.Write(path, side, side, 3, bytes);
    }

    internal static (byte R, byte G, byte B) Diverging(double value)
    {
        // Linear blend white -> red (positive) or white -> blue (negative); |value| = 1 is the saturated colour.
        var fade = (byte)Math.Round(255 * (1 - Math.Abs(value)));
        return value >= 0 ? ((byte)255, fade, fade) : (fade, fade, (byte)255);
    }
}
