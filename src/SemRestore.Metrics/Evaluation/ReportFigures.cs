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

    /// <summary>
    /// Writes the histogram as a bar chart (grey bars, <paramref name="barWidth"/> pixels per bin, height scaled to the
    /// largest of observed and fitted counts) with the fitted Gaussian drawn as a red line.
    /// </summary>
    public static void WriteHistogram(string path, ResidualHistogram histogram, int barWidth = 4, int height = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(barWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        var bins = histogram.Counts.Count;
        var width = bins * barWidth;
        var peak = Math.Max(histogram.Counts.Max(), histogram.FittedCounts.Max());
        var bytes = new byte[width * height * 3];
        Array.Fill(bytes, (byte)255);
        for (var b = 0; b < bins; b++)
        {
            var bar = peak > 0 ? (int)Math.Round(histogram.Counts[b] / peak * (height - 1)) : 0;
            var curve = peak > 0 ? (int)Math.Round(histogram.FittedCounts[b] / peak * (height - 1)) : 0;
            for (var x = b * barWidth; x < (b + 1) * barWidth; x++)
            {
                for (var h = 0; h < bar; h++)
                {
                    SetPixel(bytes, width, x, height - 1 - h, 150, 150, 150);
                }

                for (var t = -1; t <= 1; t++)
                {
                    var y = Math.Clamp(height - 1 - curve + t, 0, height - 1);
                    SetPixel(bytes, width, x, y, 220, 30, 30);
                }
            }
        }

        PngEncoder.Write(path, width, height, 3, bytes);
    }

    private static void SetPixel(byte[] bytes, int width, int x, int y, byte r, byte g, byte b)
    {
        var i = (y * width + x) * 3;
        bytes[i] = r;
        bytes[i + 1] = g;
        bytes[i + 2] = b;
    }

    internal static (byte R, byte G, byte B) Diverging(double value)
    {
        // Linear blend white -> red (positive) or white -> blue (negative); |value| = 1 is the saturated colour.
        var fade = (byte)Math.Round(255 * (1 - Math.Abs(value)));
        return value >= 0 ? ((byte)255, fade, fade) : (fade, fade, (byte)255);
    }
}
