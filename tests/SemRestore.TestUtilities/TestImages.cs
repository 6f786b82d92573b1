using SemRestore.Imaging;

namespace SemRestore.TestUtilities;

/// <summary>Small seeded images for tests: deterministic, textured, in [0, 1].</summary>
public static class TestImages
{
    /// <summary>Uniform random pixels in [0, 1).</summary>
    public static GrayImage Random(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var image = new GrayImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (float)random.NextDouble();
        }

        return image;
    }

    /// <summary>A smooth texture (sum of a few seeded sinusoids and blobs), good for registration and filters.</summary>
    public static GrayImage Textured(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        const int waves = 6;
        var fx = new double[waves];
        var fy = new double[waves];
        var phase = new double[waves];
        for (var k = 0; k < waves; k++)
        {
            fx[k] = (random.NextDouble() - 0.5) * 0.5;
            fy[k] = (random.NextDouble() - 0.5) * 0.5;
            phase[k] = random.NextDouble() * Math.Tau;
        }

        var image = new GrayImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                double value = 0;
                for (var k = 0; k < waves; k++)
                {
                    value += Math.Sin(fx[k] * x + fy[k] * y + phase[k]);
                }

                row[x] = (float)(0.5 + 0.4 * value / waves);
            }
        }

        return image;
    }

    /// <summary>A constant image.</summary>
    public static GrayImage Constant(int width, int height, float value)
    {
        var image = new GrayImage(width, height);
        Array.Fill(image.Pixels, value);
        return image;
    }
}
