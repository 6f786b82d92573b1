namespace SemRestore.Imaging.Geometry;

/// <summary>The 1-D interpolation kernels of <see cref="ResampleMethod"/>, written as in PIL's Resample.c.</summary>
internal static class ResampleKernel
{
    /// <summary>Half-width of the kernel at scale 1.</summary>
    public static double Support(ResampleMethod method) => method switch
    {
        ResampleMethod.Bilinear => 1.0,
        ResampleMethod.Bicubic => 2.0,
        ResampleMethod.Lanczos3 => 3.0,
        _ => throw new ArgumentOutOfRangeException(nameof(method), $"{method} has no continuous kernel."),
    };

    public static double Evaluate(ResampleMethod method, double x) => method switch
    {
        ResampleMethod.Bilinear => Triangle(x),
        ResampleMethod.Bicubic => Keys(x),
        ResampleMethod.Lanczos3 => Lanczos3(x),
        _ => throw new ArgumentOutOfRangeException(nameof(method), $"{method} has no continuous kernel."),
    };

    private static double Triangle(double x)
    {
        x = Math.Abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    /// <summary>Keys (1981) cubic convolution with a = -0.5 (Catmull-Rom), PIL's bicubic.</summary>
    private static double Keys(double x)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        if (x < 1.0)
        {
            return (((a + 2.0) * x) - (a + 3.0)) * x * x + 1.0;
        }

        if (x < 2.0)
        {
            return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
        }

        return 0.0;
    }

    private static double Lanczos3(double x)
    {
        if (x <= -3.0 || x >= 3.0)
        {
            return 0.0;
        }

        return Sinc(x) * Sinc(x / 3.0);
    }

    private static double Sinc(double x)
    {
        if (x == 0.0)
        {
            return 1.0;
        }

        x *= Math.PI;
        return Math.Sin(x) / x;
    }
}
