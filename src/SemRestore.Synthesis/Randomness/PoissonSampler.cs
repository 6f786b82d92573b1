using System.Runtime.CompilerServices;

namespace SemRestore.Synthesis.Randomness;

/// <summary>
/// Exact Poisson deviates for any mean. Mean below 10: inversion by sequential search (multiply the
/// probability by mean / k until the uniform is used up; about mean + 1 steps). Mean 10 or more: Hörmann's
/// PTRS transformed rejection with squeeze ("The transformed rejection method for generating Poisson random
/// variables", Insurance: Mathematics and Economics 12, 1993), which accepts about 89 % of candidates with
/// two uniforms and no logarithm. Neither path approximates the distribution, so the moments are exact up
/// to sampling error for means up to 1e9.
/// </summary>
public static class PoissonSampler
{
    private const double InversionLimit = 10.0;
    private const int LogFactorialTableSize = 256;
    private static readonly double[] s_logFactorial = BuildLogFactorialTable();

    /// <summary>A Poisson(<paramref name="mean"/>) deviate; 0 for a mean of 0 or below (or NaN).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mean exceeds 1e9 (a dose that large is a configuration error).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sample(double mean, ref CounterRandom random)
    {
        if (!(mean > 0))
        {
            return 0;
        }

        if (mean < InversionLimit)
        {
            return SampleByInversion(mean, ref random);
        }

        if (mean > 1e9)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), $"Poisson mean must be at most 1e9, got {mean:G4}.");
        }

        return SampleTransformedRejection(mean, ref random);
    }

    /// <summary>ln(k!) from a table for k &lt; 256 and the Stirling series beyond (error below 1e-12).</summary>
    public static double LogFactorial(double k)
    {
        if (k < LogFactorialTableSize)
        {
            return s_logFactorial[(int)k];
        }

        var inverse = 1.0 / k;
        var inverse2 = inverse * inverse;
        return k * Math.Log(k) - k + 0.5 * Math.Log(2 * Math.PI * k) + inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 / 1260));
    }

    private static double SampleByInversion(double mean, ref CounterRandom random)
    {
        var probability = Math.Exp(-mean);
        var cumulative = probability;
        var u = random.NextDouble();
        var k = 0;
        while (u > cumulative && k < 200)
        {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }

        return k;
    }

    private static double SampleTransformedRejection(double mean, ref CounterRandom random)
    {
        var sqrtMean = Math.Sqrt(mean);
        var b = 0.931 + 2.53 * sqrtMean;
        var a = -0.059 + 0.02483 * b;
        var inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        var acceptBound = 0.9277 - 3.6224 / (b - 2);
        var logMean = double.NaN;
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= acceptBound)
            {
                return k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (double.IsNaN(logMean))
            {
                logMean = Math.Log(mean);
            }

            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log(a / (us * us) + b) <= -mean + k * logMean - LogFactorial(k))
            {
                return k;
            }
        }
    }

    private static double[] BuildLogFactorialTable()
    {
        var table = new double[LogFactorialTableSize];
        for (var k = 2; k < table.Length; k++)
        {
            table[k] = table[k - 1] + Math.Log(k);
        }

        return table;
    }
}
