namespace SemRestore.Imaging.Tests.Registration;

/// <summary>Analytic textures that can be sampled at any sub-pixel offset, and seeded Poisson noise.</summary>
internal static class RegistrationImages
{
    /// <summary>
    /// A band-limited texture t(x - dx(y), y - dy): content moved right by dx and down by dy. <paramref name="drift"/>
    /// adds a row-dependent extra horizontal shift drift * y / height (a slow-scan drift).
    /// </summary>
    public static GrayImage Texture(int width, int height, double dx, double dy, int seed = 3, double drift = 0)
    {
        var random = new Random(seed);
        const int waves = 48;
        var fx = new double[waves];
        var fy = new double[waves];
        var phase = new double[waves];
        var amplitude = new double[waves];
        for (var k = 0; k < waves; k++)
        {
            // Frequencies up to 0.9 rad/px (well below Nyquist), amplitudes falling with frequency like real scenes.
            var f = 0.05 + 0.85 * random.NextDouble();
            var angle = random.NextDouble() * Math.PI;
            fx[k] = f * Math.Cos(angle);
            fy[k] = f * Math.Sin(angle);
            phase[k] = random.NextDouble() * Math.Tau;
            amplitude[k] = 1.0 / (1.0 + 3 * f);
        }

        var norm = 0.0;
        for (var k = 0; k < waves; k++)
        {
            norm += amplitude[k];
        }

        var image = new GrayImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var sy = y - dy;
            var sxShift = dx + drift * y / height;
            for (var x = 0; x < width; x++)
            {
                var sx = x - sxShift;
                double value = 0;
                for (var k = 0; k < waves; k++)
                {
                    value += amplitude[k] * Math.Sin(fx[k] * sx + fy[k] * sy + phase[k]);
                }

                image[x, y] = (float)(0.5 + 1.2 * value / norm);
            }
        }

        return image;
    }

    /// <summary>Poisson noise with <paramref name="peakCounts"/> expected counts at value 1, rescaled back to [0, ~1].</summary>
    public static GrayImage Poisson(GrayImage clean, double peakCounts, int seed)
    {
        // System.Random's seeded (legacy subtractive) generator gives correlated streams for nearby seeds, which shows
        // up as a false correlation peak between two noise fields; SplitMix64 streams are independent.
        var random = new SplitMix64((ulong)seed);
        var noisy = clean.CreateLike();
        for (var i = 0; i < clean.Pixels.Length; i++)
        {
            var lambda = Math.Max(0, clean.Pixels[i]) * peakCounts;
            noisy.Pixels[i] = (float)(Sample(random, lambda) / peakCounts);
        }

        return noisy;
    }

    private static int Sample(SplitMix64 random, double lambda)
    {
        if (lambda < 30)
        {
            // Knuth's multiplication method.
            var limit = Math.Exp(-lambda);
            var k = 0;
            var p = 1.0;
            do
            {
                k++;
                p *= random.NextDouble();
            }
            while (p > limit);
            return k - 1;
        }

        // Normal approximation for large means (Box-Muller).
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(Math.Tau * u2);
        return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * z));
    }

    private sealed class SplitMix64(ulong seed)
    {
        // The seed is scrambled first so that seeds k and k + 1 do not start one step apart on the same stream.
        private ulong _state = Mix(seed ^ 0x632BE59BD9B4E019UL);

        public double NextDouble() => (Mix(_state += 0x9E3779B97F4A7C15UL) >> 11) * (1.0 / (1UL << 53));

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
