using SemRestore.Imaging.Specs;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>
/// Differentiable SSIM maps from engine ops (Wang et al. 2004), as pytorch-msssim computes them: a separable
/// normalised Gaussian window (size <c>win</c>, sigma), 'valid' filtering (no padding), population statistics,
/// C1 = (0.01 L)^2, C2 = (0.03 L)^2 with data range L.
/// </summary>
internal static class SsimWindowMaps
{
    /// <summary>Reads the window options shared by the SSIM losses: odd <c>win</c> (3..31), <c>sigma</c>, data <c>range</c>.</summary>
    /// <exception cref="ArgumentException">Out of range or an even window.</exception>
    public static (int Window, double Sigma, double DataRange) ReadOptions(NamedSpec spec)
    {
        var window = spec.GetInt("win", 11, 3, 31);
        if (window % 2 == 0)
        {
            throw new ArgumentException($"{spec.Name}: parameter 'win' must be odd, got {window}.", "win");
        }

        return (window, spec.GetDouble("sigma", 1.5, 0.1, 10), spec.GetDouble("range", 1, 1e-6, 1e6));
    }

    public static float[] Gaussian(int size, double sigma)
    {
        var weights = new float[size];
        var centre = (size - 1) / 2.0;
        double total = 0;
        for (var i = 0; i < size; i++)
        {
            total += Math.Exp(-0.5 * (i - centre) * (i - centre) / (sigma * sigma));
        }

        for (var i = 0; i < size; i++)
        {
            weights[i] = (float)(Math.Exp(-0.5 * (i - centre) * (i - centre) / (sigma * sigma)) / total);
        }

        return weights;
    }

    /// <summary>
    /// Returns the SSIM map and the contrast-structure map, each (N, 1, H - win + 1, W - win + 1).
    /// </summary>
    public static (Tensor Ssim, Tensor ContrastStructure) Compute(Tensor x, Tensor y, float[] window, double dataRange)
    {
        var size = window.Length;
        var horizontal = Tensor.FromArray(window, 1, 1, 1, size);
        var vertical = Tensor.FromArray(window, 1, 1, size, 1);
        Tensor Filter(Tensor t) => Ops.Conv2d(Ops.Conv2d(t, horizontal), vertical);

        var c1 = (float)Math.Pow(0.01 * dataRange, 2);
        var c2 = (float)Math.Pow(0.03 * dataRange, 2);
        var muX = Filter(x);
        var muY = Filter(y);
        var muXX = Ops.Square(muX);
        var muYY = Ops.Square(muY);
        var muXY = Ops.Mul(muX, muY);
        var sigmaXX = Ops.Sub(Filter(Ops.Square(x)), muXX);
        var sigmaYY = Ops.Sub(Filter(Ops.Square(y)), muYY);
        var sigmaXY = Ops.Sub(Filter(Ops.Mul(x, y)), muXY);

        var cs = Ops.Div(Ops.Add(Ops.Mul(sigmaXY, 2f), c2), Ops.Add(Ops.Add(sigmaXX, sigmaYY), c2));
        var luminance = Ops.Div(Ops.Add(Ops.Mul(muXY, 2f), c1), Ops.Add(Ops.Add(muXX, muYY), c1));
        return (Ops.Mul(luminance, cs), cs);
    }

    /// <exception cref="ArgumentException">An image side is smaller than the window.</exception>
    public static void RequireSize(string loss, Tensor x, int window)
    {
        if (x.Rank != 4 || x.Dim(2) < window || x.Dim(3) < window)
        {
            throw new ArgumentException($"{loss}: input {x.ShapeString} must be (N, C, H, W) with H and W >= the {window}-px window; use larger patches or a smaller win.", nameof(x));
        }
    }
}
