using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;

namespace SemRestore.Classical.Bm3d;

/// <summary>
/// The separable transforms of BM3D on 8x8 blocks stored as 64 contiguous floats (row-major, one Vector256 per row):
/// a 2-D block transform (<see cref="Bm3dBasis"/>: DCT-II or bior1.5) and its inverse, the orthonormal Walsh-Hadamard
/// transform along a group of 2^k blocks, and the 8x8 Kaiser window (beta 2) used for aggregation.
/// </summary>
internal static class Bm3dTransforms
{
    public const int BlockSize = 8;
    public const int BlockArea = 64;

    /// <summary>Kaiser window outer product, beta = 2 (Dabov et al. 2007).</summary>
    public static readonly float[] Kaiser = CreateKaiser(2.0);

    /// <summary>Forward transform of the 8x8 block at <paramref name="offset"/> of an image with row stride <paramref name="stride"/>: Z = F B F^T.</summary>
    public static void Forward(Bm3dBasis basis, ReadOnlySpan<float> image, int offset, int stride, Span<float> coefficients, Span<float> scratch)
    {
        // Y = F B (rows of B are vectors), stored; then Z[u] = sum_x Y[u][x] * (column x of F).
        var f = basis.Forward;
        for (var u = 0; u < BlockSize; u++)
        {
            var acc = Vector256<float>.Zero;
            for (var r = 0; r < BlockSize; r++)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.Create(f[u * 8 + r]), SimdMath.Load(image, offset + r * stride), acc);
            }

            SimdMath.Store(scratch, u * 8, acc);
        }

        RightMultiply(scratch, basis.ForwardTransposed, coefficients);
    }

    /// <summary>Inverse transform in place on 64 coefficients: B = G Z G^T with G = F^-1.</summary>
    public static void Inverse(Bm3dBasis basis, Span<float> block, Span<float> scratch)
    {
        var g = basis.Inverse;
        for (var r = 0; r < BlockSize; r++)
        {
            var acc = Vector256<float>.Zero;
            for (var u = 0; u < BlockSize; u++)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.Create(g[r * 8 + u]), SimdMath.Load(block, u * 8), acc);
            }

            SimdMath.Store(scratch, r * 8, acc);
        }

        RightMultiply(scratch, basis.InverseTransposed, block);
    }

    /// <summary>Orthonormal Walsh-Hadamard transform across <paramref name="count"/> (a power of 2) blocks, per coefficient; self-inverse.</summary>
    public static void Hadamard(Span<float> group, int count)
    {
        Debug.Assert((count & (count - 1)) == 0);
        for (var half = 1; half < count; half *= 2)
        {
            for (var start = 0; start < count; start += 2 * half)
            {
                for (var i = start; i < start + half; i++)
                {
                    var a = i * BlockArea;
                    var b = (i + half) * BlockArea;
                    for (var k = 0; k < BlockArea; k += 8)
                    {
                        var x = SimdMath.Load(group, a + k);
                        var y = SimdMath.Load(group, b + k);
                        SimdMath.Store(group, a + k, x + y);
                        SimdMath.Store(group, b + k, x - y);
                    }
                }
            }
        }

        if (count > 1)
        {
            var scale = Vector256.Create(1f / MathF.Sqrt(count));
            for (var k = 0; k < count * BlockArea; k += 8)
            {
                SimdMath.Store(group, k, SimdMath.Load(group, k) * scale);
            }
        }
    }

    /// <summary>destination[u] = sum_x left[u][x] * rows[x] with rows[x] the x-th row of <paramref name="matrix"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RightMultiply(ReadOnlySpan<float> left, float[] matrix, Span<float> destination)
    {
        var m0 = SimdMath.Load(matrix, 0);
        var m1 = SimdMath.Load(matrix, 8);
        var m2 = SimdMath.Load(matrix, 16);
        var m3 = SimdMath.Load(matrix, 24);
        var m4 = SimdMath.Load(matrix, 32);
        var m5 = SimdMath.Load(matrix, 40);
        var m6 = SimdMath.Load(matrix, 48);
        var m7 = SimdMath.Load(matrix, 56);
        for (var u = 0; u < BlockSize; u++)
        {
            var l = u * 8;
            var acc = Vector256.Create(left[l]) * m0;
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(left[l + 1]), m1, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(left[l + 2]), m2, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(left[l + 3]), m3, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(left[l + 4]), m4, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(left[l + 5]), m5, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(left[l + 6]), m6, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(left[l + 7]), m7, acc);
            SimdMath.Store(destination, l, acc);
        }
    }

    private static float[] CreateKaiser(double beta)
    {
        var w = new double[8];
        for (var n = 0; n < 8; n++)
        {
            var ratio = 2.0 * n / 7 - 1;
            w[n] = BesselI0(beta * Math.Sqrt(1 - ratio * ratio)) / BesselI0(beta);
        }

        var k = new float[64];
        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 8; j++)
            {
                k[i * 8 + j] = (float)(w[i] * w[j]);
            }
        }

        return k;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
        }

        return sum;
    }
}
