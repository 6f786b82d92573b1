namespace SemRestore.Classical.Bm3d;

/// <summary>
/// A separable 8-point block transform of BM3D: forward matrix F (z = F x per row and column, Z = F B F^T) and its
/// inverse G (B = G Z G^T), each also stored transposed for the row-vector products of <see cref="Bm3dTransforms"/>.
/// </summary>
/// <remarks>
/// <see cref="Dct"/> is the orthonormal DCT-II (the Wiener stage). <see cref="Bior15"/> is what Dabov et al. use in
/// the hard-thresholding stage: a full 3-level biorthogonal 1.5 wavelet decomposition with periodic extension, each
/// basis row scaled to unit norm (as the authors' getTransfMatrix does) so that white noise of sigma gives every
/// coefficient standard deviation sigma and one threshold lambda * sigma fits all of them; G is the exact inverse.
/// </remarks>
internal sealed class Bm3dBasis
{
    private const int N = Bm3dTransforms.BlockSize;

    private Bm3dBasis(double[,] forward)
    {
        var inverse = Invert(forward);
        Forward = Flatten(forward, transpose: false);
        ForwardTransposed = Flatten(forward, transpose: true);
        Inverse = Flatten(inverse, transpose: false);
        InverseTransposed = Flatten(inverse, transpose: true);
    }

    /// <summary>F[u * 8 + x].</summary>
    public float[] Forward { get; }

    /// <summary>F^T[x * 8 + u].</summary>
    public float[] ForwardTransposed { get; }

    /// <summary>G[x * 8 + u] with G = F^-1.</summary>
    public float[] Inverse { get; }

    /// <summary>G^T[u * 8 + x].</summary>
    public float[] InverseTransposed { get; }

    /// <summary>C[u, x] = c(u) cos((2x + 1) u pi / 16), c(0) = sqrt(1/8), c(u) = sqrt(2/8).</summary>
    public static Bm3dBasis Dct { get; } = new(CreateDct());

    /// <summary>bior1.5, 3 levels, periodic, unit-norm rows.</summary>
    public static Bm3dBasis Bior15 { get; } = new(CreateBior15());

    private static double[,] CreateDct()
    {
        var c = new double[N, N];
        for (var u = 0; u < N; u++)
        {
            var scale = u == 0 ? Math.Sqrt(1.0 / N) : Math.Sqrt(2.0 / N);
            for (var x = 0; x < N; x++)
            {
                c[u, x] = scale * Math.Cos((2 * x + 1) * u * Math.PI / (2 * N));
            }
        }

        return c;
    }

    private static double[,] CreateBior15()
    {
        // Decomposition filters of bior1.5 (PyWavelets' dec_lo and dec_hi, applied as a convolution): the low-pass is
        // palindromic, the high-pass is Haar; centred on the sample pair (2k, 2k + 1). The matrix equals
        // pywt.wavedec(e_x, "bior1.5", mode="periodization", level=3) (tests/Golden/classical/golden.json).
        double a = 0.01657281518405971, b = 0.12153397801643787, c = 0.7071067811865476;
        double[] low = [a, -a, -b, b, c, c, b, -b, -a, a];
        double[] high = [0, 0, 0, 0, c, -c, 0, 0, 0, 0];
        var rows = new double[N, N];
        for (var x = 0; x < N; x++)
        {
            // Transform the unit vector e_x; its coefficients form column x of F.
            var signal = new double[N];
            signal[x] = 1;
            var coefficients = new double[N];
            for (var length = N; length >= 2; length /= 2)
            {
                var half = length / 2;
                var approximation = new double[half];
                for (var k = 0; k < half; k++)
                {
                    double lo = 0, hi = 0;
                    for (var j = 0; j < low.Length; j++)
                    {
                        var sample = signal[(((2 * k - 4 + j) % length) + length) % length];
                        lo += low[j] * sample;
                        hi += high[j] * sample;
                    }

                    approximation[k] = lo;
                    coefficients[half + k] = hi; // details of this level after the coarser levels
                }

                signal = approximation;
            }

            coefficients[0] = signal[0];
            for (var u = 0; u < N; u++)
            {
                rows[u, x] = coefficients[u];
            }
        }

        for (var u = 0; u < N; u++)
        {
            double norm = 0;
            for (var x = 0; x < N; x++)
            {
                norm += rows[u, x] * rows[u, x];
            }

            norm = Math.Sqrt(norm);
            for (var x = 0; x < N; x++)
            {
                rows[u, x] /= norm;
            }
        }

        return rows;
    }

    /// <summary>Gauss-Jordan inverse with partial pivoting (8 x 8, well conditioned).</summary>
    private static double[,] Invert(double[,] matrix)
    {
        var a = (double[,])matrix.Clone();
        var inverse = new double[N, N];
        for (var i = 0; i < N; i++)
        {
            inverse[i, i] = 1;
        }

        for (var col = 0; col < N; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < N; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var k = 0; k < N; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                (inverse[col, k], inverse[pivot, k]) = (inverse[pivot, k], inverse[col, k]);
            }

            var scale = 1 / a[col, col];
            for (var k = 0; k < N; k++)
            {
                a[col, k] *= scale;
                inverse[col, k] *= scale;
            }

            for (var r = 0; r < N; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = a[r, col];
                for (var k = 0; k < N; k++)
                {
                    a[r, k] -= factor * a[col, k];
                    inverse[r, k] -= factor * inverse[col, k];
                }
            }
        }

        return inverse;
    }

    private static float[] Flatten(double[,] m, bool transpose)
    {
        var flat = new float[N * N];
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                flat[i * N + j] = (float)(transpose ? m[j, i] : m[i, j]);
            }
        }

        return flat;
    }
}
