using System.Numerics.Tensors;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Noise;

/// <summary>Row kernels shared by the noise models and the acquisition simulator. Element-wise, so input and output may alias.</summary>
internal static class NoiseKernels
{
    /// <summary>Scratch floats for <see cref="CounterRandom.FillGaussian"/> plus one row of deviates.</summary>
    public static int GaussianScratchLength(int width) => width + 3 * ((width + 1) / 2) + 4;

    /// <summary>Standard normal deviates for a row, in the first <paramref name="width"/> floats of <paramref name="scratch"/>.</summary>
    public static Span<float> Gaussian(int width, ref CounterRandom random, Span<float> scratch)
    {
        var deviates = scratch[..width];
        random.FillGaussian(deviates, scratch[width..]);
        return deviates;
    }

    /// <summary>output = Poisson(lambda * clean) / lambda per pixel.</summary>
    public static void Poisson(ReadOnlySpan<float> clean, Span<float> output, double lambda, ref CounterRandom random)
    {
        var inverse = 1.0 / lambda;
        for (var i = 0; i < clean.Length; i++)
        {
            output[i] = (float)(PoissonSampler.Sample(lambda * clean[i], ref random) * inverse);
        }
    }

    /// <summary>
    /// First-order autoregressive filter along the row (the fast-scan direction): y0 = n0,
    /// y_i = rho * y_(i-1) + sqrt(1 - rho^2) * n_i. For stationary white input the variance is kept and the
    /// correlation at horizontal lag k is rho^k; rows stay independent, so vertical correlation is zero.
    /// It models the detector and amplifier bandwidth (an RC low-pass in time, i.e. along the scan).
    /// </summary>
    public static void ScanLineFilter(Span<float> noise, double rho)
    {
        if (rho == 0 || noise.IsEmpty)
        {
            return;
        }

        var a = (float)rho;
        var b = (float)Math.Sqrt(1 - rho * rho);
        var previous = noise[0];
        for (var i = 1; i < noise.Length; i++)
        {
            previous = a * previous + b * noise[i];
            noise[i] = previous;
        }
    }

    /// <summary>Clamps to [0, 1].</summary>
    public static void Clip(Span<float> values) => TensorPrimitives.Clamp(values, 0f, 1f, values);

    /// <summary>
    /// SEM detector model for one row: noise n = (Poisson(dose * x) - dose * x) / dose + read * g, g ~ N(0, 1),
    /// filtered along the row by <see cref="ScanLineFilter"/>; output = x + filtered n, optionally clipped.
    /// Shot noise variance is x / dose, so noise grows with brightness.
    /// </summary>
    /// <param name="scratch">At least <see cref="SemScratchLength"/> floats.</param>
    public static void Sem(ReadOnlySpan<float> clean, Span<float> output, double dose, double readSigma, double rho, bool clip,
        ref CounterRandom random, Span<float> scratch)
    {
        var width = clean.Length;
        var noise = scratch[..width];
        var inverse = 1.0 / dose;
        for (var i = 0; i < width; i++)
        {
            var mean = dose * clean[i];
            noise[i] = (float)((PoissonSampler.Sample(mean, ref random) - mean) * inverse);
        }

        if (readSigma > 0)
        {
            var read = Gaussian(width, ref random, scratch[width..]);
            TensorPrimitives.MultiplyAdd(read, (float)readSigma, noise, noise);
        }

        ScanLineFilter(noise, rho);
        TensorPrimitives.Add(clean, noise, output);
        if (clip)
        {
            Clip(output);
        }
    }

    /// <summary>Scratch floats <see cref="Sem"/> needs.</summary>
    public static int SemScratchLength(int width) => width + GaussianScratchLength(width);
}
