using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Register-blocked GEMM micro-kernels: C[0..mr, 0..nr] += alpha * sum_p A[p][r] * B[p][c] over packed
/// panels (A as [kc][MR], B as [kc][NR], zero-padded). Each element sums its products in increasing p
/// with one fused multiply-add per product, so the result does not depend on where the tile sits.
/// Partial tiles (mr &lt; MR or nr &lt; NR) go through a stack tile and the same fused update.
/// </summary>
/// <remarks>The bodies are unrolled by hand so that every accumulator stays in a register.</remarks>
internal static unsafe class GemmMicroKernels
{
    /// <summary>12 x 32 tile with AVX-512: per k, two 16-float B loads and 12 A broadcasts feed 24 FMAs.</summary>
    public static void Kernel12x32<TB>(int kc, float* a, TB b, float* c, int ldc, float alpha, int mr, int nr)
        where TB : struct, IBPanelRows
    {
        // Start fetching the C tile now so that its update at the end does not wait on memory.
        for (var r = 0; r < mr; r++)
        {
            Sse.Prefetch0(c + r * ldc);
            Sse.Prefetch0(c + r * ldc + 16);
        }

        Vector512<float> c0a = Vector512<float>.Zero, c0b = Vector512<float>.Zero;
        Vector512<float> c1a = Vector512<float>.Zero, c1b = Vector512<float>.Zero;
        Vector512<float> c2a = Vector512<float>.Zero, c2b = Vector512<float>.Zero;
        Vector512<float> c3a = Vector512<float>.Zero, c3b = Vector512<float>.Zero;
        Vector512<float> c4a = Vector512<float>.Zero, c4b = Vector512<float>.Zero;
        Vector512<float> c5a = Vector512<float>.Zero, c5b = Vector512<float>.Zero;
        Vector512<float> c6a = Vector512<float>.Zero, c6b = Vector512<float>.Zero;
        Vector512<float> c7a = Vector512<float>.Zero, c7b = Vector512<float>.Zero;
        Vector512<float> c8a = Vector512<float>.Zero, c8b = Vector512<float>.Zero;
        Vector512<float> c9a = Vector512<float>.Zero, c9b = Vector512<float>.Zero;
        Vector512<float> c10a = Vector512<float>.Zero, c10b = Vector512<float>.Zero;
        Vector512<float> c11a = Vector512<float>.Zero, c11b = Vector512<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var row = b.Row(p);
            var b0 = Avx512F.LoadVector512(row);
            var b1 = Avx512F.LoadVector512(row + 16);
            var a0 = Vector512.Create(a[0]);
            c0a = Avx512F.FusedMultiplyAdd(a0, b0, c0a);
            c0b = Avx512F.FusedMultiplyAdd(a0, b1, c0b);
            var a1 = Vector512.Create(a[1]);
            c1a = Avx512F.FusedMultiplyAdd(a1, b0, c1a);
            c1b = Avx512F.FusedMultiplyAdd(a1, b1, c1b);
            var a2 = Vector512.Create(a[2]);
            c2a = Avx512F.FusedMultiplyAdd(a2, b0, c2a);
            c2b = Avx512F.FusedMultiplyAdd(a2, b1, c2b);
            var a3 = Vector512.Create(a[3]);
            c3a = Avx512F.FusedMultiplyAdd(a3, b0, c3a);
            c3b = Avx512F.FusedMultiplyAdd(a3, b1, c3b);
            var a4 = Vector512.Create(a[4]);
            c4a = Avx512F.FusedMultiplyAdd(a4, b0, c4a);
            c4b = Avx512F.FusedMultiplyAdd(a4, b1, c4b);
            var a5 = Vector512.Create(a[5]);
            c5a = Avx512F.FusedMultiplyAdd(a5, b0, c5a);
            c5b = Avx512F.FusedMultiplyAdd(a5, b1, c5b);
            var a6 = Vector512.Create(a[6]);
            c6a = Avx512F.FusedMultiplyAdd(a6, b0, c6a);
            c6b = Avx512F.FusedMultiplyAdd(a6, b1, c6b);
            var a7 = Vector512.Create(a[7]);
            c7a = Avx512F.FusedMultiplyAdd(a7, b0, c7a);
            c7b = Avx512F.FusedMultiplyAdd(a7, b1, c7b);
            var a8 = Vector512.Create(a[8]);
            c8a = Avx512F.FusedMultiplyAdd(a8, b0, c8a);
            c8b = Avx512F.FusedMultiplyAdd(a8, b1, c8b);
            var a9 = Vector512.Create(a[9]);
            c9a = Avx512F.FusedMultiplyAdd(a9, b0, c9a);
            c9b = Avx512F.FusedMultiplyAdd(a9, b1, c9b);
            var a10 = Vector512.Create(a[10]);
            c10a = Avx512F.FusedMultiplyAdd(a10, b0, c10a);
            c10b = Avx512F.FusedMultiplyAdd(a10, b1, c10b);
            var a11 = Vector512.Create(a[11]);
            c11a = Avx512F.FusedMultiplyAdd(a11, b0, c11a);
            c11b = Avx512F.FusedMultiplyAdd(a11, b1, c11b);
            a += 12;
        }

        var va = Vector512.Create(alpha);
        if (mr == 12 && nr == 32)
        {
            Store512(c + 0 * ldc, va, c0a, c0b);
            Store512(c + 1 * ldc, va, c1a, c1b);
            Store512(c + 2 * ldc, va, c2a, c2b);
            Store512(c + 3 * ldc, va, c3a, c3b);
            Store512(c + 4 * ldc, va, c4a, c4b);
            Store512(c + 5 * ldc, va, c5a, c5b);
            Store512(c + 6 * ldc, va, c6a, c6b);
            Store512(c + 7 * ldc, va, c7a, c7b);
            Store512(c + 8 * ldc, va, c8a, c8b);
            Store512(c + 9 * ldc, va, c9a, c9b);
            Store512(c + 10 * ldc, va, c10a, c10b);
            Store512(c + 11 * ldc, va, c11a, c11b);
            return;
        }

        var tile = stackalloc float[12 * 32];
        c0a.Store(tile + 0); c0b.Store(tile + 16);
        c1a.Store(tile + 32); c1b.Store(tile + 48);
        c2a.Store(tile + 64); c2b.Store(tile + 80);
        c3a.Store(tile + 96); c3b.Store(tile + 112);
        c4a.Store(tile + 128); c4b.Store(tile + 144);
        c5a.Store(tile + 160); c5b.Store(tile + 176);
        c6a.Store(tile + 192); c6b.Store(tile + 208);
        c7a.Store(tile + 224); c7b.Store(tile + 240);
        c8a.Store(tile + 256); c8b.Store(tile + 272);
        c9a.Store(tile + 288); c9b.Store(tile + 304);
        c10a.Store(tile + 320); c10b.Store(tile + 336);
        c11a.Store(tile + 352); c11b.Store(tile + 368);
        AddTile(tile, 32, c, ldc, alpha, mr, nr);
    }

    /// <summary>8 x 32 tile with AVX-512: the 8-row remainder panel (16 accumulators).</summary>
    public static void Kernel8x32<TB>(int kc, float* a, TB b, float* c, int ldc, float alpha, int mr, int nr)
        where TB : struct, IBPanelRows
    {
        // Start fetching the C tile now so that its update at the end does not wait on memory.
        for (var r = 0; r < mr; r++)
        {
            Sse.Prefetch0(c + r * ldc);
            Sse.Prefetch0(c + r * ldc + 16);
        }

        Vector512<float> c0a = Vector512<float>.Zero, c0b = Vector512<float>.Zero;
        Vector512<float> c1a = Vector512<float>.Zero, c1b = Vector512<float>.Zero;
        Vector512<float> c2a = Vector512<float>.Zero, c2b = Vector512<float>.Zero;
        Vector512<float> c3a = Vector512<float>.Zero, c3b = Vector512<float>.Zero;
        Vector512<float> c4a = Vector512<float>.Zero, c4b = Vector512<float>.Zero;
        Vector512<float> c5a = Vector512<float>.Zero, c5b = Vector512<float>.Zero;
        Vector512<float> c6a = Vector512<float>.Zero, c6b = Vector512<float>.Zero;
        Vector512<float> c7a = Vector512<float>.Zero, c7b = Vector512<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var row = b.Row(p);
            var b0 = Avx512F.LoadVector512(row);
            var b1 = Avx512F.LoadVector512(row + 16);
            var a0 = Vector512.Create(a[0]);
            c0a = Avx512F.FusedMultiplyAdd(a0, b0, c0a);
            c0b = Avx512F.FusedMultiplyAdd(a0, b1, c0b);
            var a1 = Vector512.Create(a[1]);
            c1a = Avx512F.FusedMultiplyAdd(a1, b0, c1a);
            c1b = Avx512F.FusedMultiplyAdd(a1, b1, c1b);
            var a2 = Vector512.Create(a[2]);
            c2a = Avx512F.FusedMultiplyAdd(a2, b0, c2a);
            c2b = Avx512F.FusedMultiplyAdd(a2, b1, c2b);
            var a3 = Vector512.Create(a[3]);
            c3a = Avx512F.FusedMultiplyAdd(a3, b0, c3a);
            c3b = Avx512F.FusedMultiplyAdd(a3, b1, c3b);
            var a4 = Vector512.Create(a[4]);
            c4a = Avx512F.FusedMultiplyAdd(a4, b0, c4a);
            c4b = Avx512F.FusedMultiplyAdd(a4, b1, c4b);
            var a5 = Vector512.Create(a[5]);
            c5a = Avx512F.FusedMultiplyAdd(a5, b0, c5a);
            c5b = Avx512F.FusedMultiplyAdd(a5, b1, c5b);
            var a6 = Vector512.Create(a[6]);
            c6a = Avx512F.FusedMultiplyAdd(a6, b0, c6a);
            c6b = Avx512F.FusedMultiplyAdd(a6, b1, c6b);
            var a7 = Vector512.Create(a[7]);
            c7a = Avx512F.FusedMultiplyAdd(a7, b0, c7a);
            c7b = Avx512F.FusedMultiplyAdd(a7, b1, c7b);
            a += 8;
        }

        var va = Vector512.Create(alpha);
        if (mr == 8 && nr == 32)
        {
            Store512(c + 0 * ldc, va, c0a, c0b);
            Store512(c + 1 * ldc, va, c1a, c1b);
            Store512(c + 2 * ldc, va, c2a, c2b);
            Store512(c + 3 * ldc, va, c3a, c3b);
            Store512(c + 4 * ldc, va, c4a, c4b);
            Store512(c + 5 * ldc, va, c5a, c5b);
            Store512(c + 6 * ldc, va, c6a, c6b);
            Store512(c + 7 * ldc, va, c7a, c7b);
            return;
        }

        var tile = stackalloc float[8 * 32];
        c0a.Store(tile + 0); c0b.Store(tile + 16);
        c1a.Store(tile + 32); c1b.Store(tile + 48);
        c2a.Store(tile + 64); c2b.Store(tile + 80);
        c3a.Store(tile + 96); c3b.Store(tile + 112);
        c4a.Store(tile + 128); c4b.Store(tile + 144);
        c5a.Store(tile + 160); c5b.Store(tile + 176);
        c6a.Store(tile + 192); c6b.Store(tile + 208);
        c7a.Store(tile + 224); c7b.Store(tile + 240);
        AddTile(tile, 32, c, ldc, alpha, mr, nr);
    }

    /// <summary>4 x 32 tile with AVX-512: the 4-row remainder panel.</summary>
    public static void Kernel4x32<TB>(int kc, float* a, TB b, float* c, int ldc, float alpha, int mr, int nr)
        where TB : struct, IBPanelRows
    {
        // Start fetching the C tile now so that its update at the end does not wait on memory.
        for (var r = 0; r < mr; r++)
        {
            Sse.Prefetch0(c + r * ldc);
            Sse.Prefetch0(c + r * ldc + 16);
        }

        Vector512<float> c0a = Vector512<float>.Zero, c0b = Vector512<float>.Zero;
        Vector512<float> c1a = Vector512<float>.Zero, c1b = Vector512<float>.Zero;
        Vector512<float> c2a = Vector512<float>.Zero, c2b = Vector512<float>.Zero;
        Vector512<float> c3a = Vector512<float>.Zero, c3b = Vector512<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var row = b.Row(p);
            var b0 = Avx512F.LoadVector512(row);
            var b1 = Avx512F.LoadVector512(row + 16);
            var a0 = Vector512.Create(a[0]);
            c0a = Avx512F.FusedMultiplyAdd(a0, b0, c0a);
            c0b = Avx512F.FusedMultiplyAdd(a0, b1, c0b);
            var a1 = Vector512.Create(a[1]);
            c1a = Avx512F.FusedMultiplyAdd(a1, b0, c1a);
            c1b = Avx512F.FusedMultiplyAdd(a1, b1, c1b);
            var a2 = Vector512.Create(a[2]);
            c2a = Avx512F.FusedMultiplyAdd(a2, b0, c2a);
            c2b = Avx512F.FusedMultiplyAdd(a2, b1, c2b);
            var a3 = Vector512.Create(a[3]);
            c3a = Avx512F.FusedMultiplyAdd(a3, b0, c3a);
            c3b = Avx512F.FusedMultiplyAdd(a3, b1, c3b);
            a += 4;
        }

        var va = Vector512.Create(alpha);
        if (mr == 4 && nr == 32)
        {
            Store512(c + 0 * ldc, va, c0a, c0b);
            Store512(c + 1 * ldc, va, c1a, c1b);
            Store512(c + 2 * ldc, va, c2a, c2b);
            Store512(c + 3 * ldc, va, c3a, c3b);
            return;
        }

        var tile = stackalloc float[4 * 32];
        c0a.Store(tile + 0); c0b.Store(tile + 16);
        c1a.Store(tile + 32); c1b.Store(tile + 48);
        c2a.Store(tile + 64); c2b.Store(tile + 80);
        c3a.Store(tile + 96); c3b.Store(tile + 112);
        AddTile(tile, 32, c, ldc, alpha, mr, nr);
    }

    /// <summary>6 x 16 tile with AVX2 + FMA: per k, two 8-float B loads and 6 A broadcasts feed 12 FMAs.</summary>
    public static void Kernel6x16(int kc, float* a, float* b, float* c, int ldc, float alpha, int mr, int nr)
    {
        for (var r = 0; r < mr; r++)
        {
            Sse.Prefetch0(c + r * ldc);
            Sse.Prefetch0(c + r * ldc + 15);
        }

        Vector256<float> c0a = Vector256<float>.Zero, c0b = Vector256<float>.Zero;
        Vector256<float> c1a = Vector256<float>.Zero, c1b = Vector256<float>.Zero;
        Vector256<float> c2a = Vector256<float>.Zero, c2b = Vector256<float>.Zero;
        Vector256<float> c3a = Vector256<float>.Zero, c3b = Vector256<float>.Zero;
        Vector256<float> c4a = Vector256<float>.Zero, c4b = Vector256<float>.Zero;
        Vector256<float> c5a = Vector256<float>.Zero, c5b = Vector256<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Avx.LoadVector256(b);
            var b1 = Avx.LoadVector256(b + 8);
            var a0 = Vector256.Create(a[0]);
            c0a = Fma.MultiplyAdd(a0, b0, c0a);
            c0b = Fma.MultiplyAdd(a0, b1, c0b);
            var a1 = Vector256.Create(a[1]);
            c1a = Fma.MultiplyAdd(a1, b0, c1a);
            c1b = Fma.MultiplyAdd(a1, b1, c1b);
            var a2 = Vector256.Create(a[2]);
            c2a = Fma.MultiplyAdd(a2, b0, c2a);
            c2b = Fma.MultiplyAdd(a2, b1, c2b);
            var a3 = Vector256.Create(a[3]);
            c3a = Fma.MultiplyAdd(a3, b0, c3a);
            c3b = Fma.MultiplyAdd(a3, b1, c3b);
            var a4 = Vector256.Create(a[4]);
            c4a = Fma.MultiplyAdd(a4, b0, c4a);
            c4b = Fma.MultiplyAdd(a4, b1, c4b);
            var a5 = Vector256.Create(a[5]);
            c5a = Fma.MultiplyAdd(a5, b0, c5a);
            c5b = Fma.MultiplyAdd(a5, b1, c5b);
            a += 6;
            b += 16;
        }

        var va = Vector256.Create(alpha);
        if (mr == 6 && nr == 16)
        {
            Store256(c + 0 * ldc, va, c0a, c0b);
            Store256(c + 1 * ldc, va, c1a, c1b);
            Store256(c + 2 * ldc, va, c2a, c2b);
            Store256(c + 3 * ldc, va, c3a, c3b);
            Store256(c + 4 * ldc, va, c4a, c4b);
            Store256(c + 5 * ldc, va, c5a, c5b);
            return;
        }

        var tile = stackalloc float[6 * 16];
        c0a.Store(tile + 0); c0b.Store(tile + 8);
        c1a.Store(tile + 16); c1b.Store(tile + 24);
        c2a.Store(tile + 32); c2b.Store(tile + 40);
        c3a.Store(tile + 48); c3b.Store(tile + 56);
        c4a.Store(tile + 64); c4b.Store(tile + 72);
        c5a.Store(tile + 80); c5b.Store(tile + 88);
        AddTile(tile, 16, c, ldc, alpha, mr, nr);
    }

    /// <summary>Scalar reference micro-kernel for any MR x NR (the path with intrinsics off).</summary>
    public static void KernelScalar(int kc, float* a, float* b, float* c, int ldc, float alpha, int mr, int nr, int mrFull, int nrFull)
    {
        var tile = stackalloc float[mrFull * nrFull];
        new Span<float>(tile, mrFull * nrFull).Clear();
        for (var p = 0; p < kc; p++)
        {
            for (var r = 0; r < mrFull; r++)
            {
                var av = a[r];
                var row = tile + r * nrFull;
                for (var j = 0; j < nrFull; j++)
                {
                    row[j] += av * b[j];
                }
            }

            a += mrFull;
            b += nrFull;
        }

        for (var r = 0; r < mr; r++)
        {
            for (var j = 0; j < nr; j++)
            {
                c[r * ldc + j] += alpha * tile[r * nrFull + j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(float* row, Vector512<float> alpha, Vector512<float> lo, Vector512<float> hi)
    {
        Avx512F.Store(row, Avx512F.FusedMultiplyAdd(alpha, lo, Avx512F.LoadVector512(row)));
        Avx512F.Store(row + 16, Avx512F.FusedMultiplyAdd(alpha, hi, Avx512F.LoadVector512(row + 16)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(float* row, Vector256<float> alpha, Vector256<float> lo, Vector256<float> hi)
    {
        Avx.Store(row, Fma.MultiplyAdd(alpha, lo, Avx.LoadVector256(row)));
        Avx.Store(row + 8, Fma.MultiplyAdd(alpha, hi, Avx.LoadVector256(row + 8)));
    }

    /// <summary>Edge tiles: the same single-rounding update as the vector store, element by element.</summary>
    private static void AddTile(float* tile, int tileStride, float* c, int ldc, float alpha, int mr, int nr)
    {
        for (var r = 0; r < mr; r++)
        {
            for (var j = 0; j < nr; j++)
            {
                c[r * ldc + j] = MathF.FusedMultiplyAdd(alpha, tile[r * tileStride + j], c[r * ldc + j]);
            }
        }
    }
}
