using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>In-register 16 x 16 float transpose with AVX-512 (three shuffle stages, 64 shuffles).</summary>
internal static unsafe class Transpose16
{
    /// <summary>
    /// Reads 16 rows of 16 floats (<c>rows[i]</c>) and writes column j as 16 contiguous floats at
    /// <c>dst + j * dstStride</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Transpose(float** rows, float* dst, int dstStride)
    {
        // Stage 1: interleave pairs of rows within each 128-bit lane.
        var t0 = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[0]), Avx512F.LoadVector512(rows[1]));
        var t1 = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[0]), Avx512F.LoadVector512(rows[1]));
        var t2 = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[2]), Avx512F.LoadVector512(rows[3]));
        var t3 = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[2]), Avx512F.LoadVector512(rows[3]));
        var t4 = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[4]), Avx512F.LoadVector512(rows[5]));
        var t5 = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[4]), Avx512F.LoadVector512(rows[5]));
        var t6 = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[6]), Avx512F.LoadVector512(rows[7]));
        var t7 = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[6]), Avx512F.LoadVector512(rows[7]));
        var t8 = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[8]), Avx512F.LoadVector512(rows[9]));
        var t9 = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[8]), Avx512F.LoadVector512(rows[9]));
        var ta = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[10]), Avx512F.LoadVector512(rows[11]));
        var tb = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[10]), Avx512F.LoadVector512(rows[11]));
        var tc = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[12]), Avx512F.LoadVector512(rows[13]));
        var td = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[12]), Avx512F.LoadVector512(rows[13]));
        var te = Avx512F.UnpackLow(Avx512F.LoadVector512(rows[14]), Avx512F.LoadVector512(rows[15]));
        var tf = Avx512F.UnpackHigh(Avx512F.LoadVector512(rows[14]), Avx512F.LoadVector512(rows[15]));

        // Stage 2: r[4q + j] lane L holds column 4L + j of rows 4q .. 4q + 3.
        var r0 = Avx512F.Shuffle(t0, t2, 0x44);
        var r1 = Avx512F.Shuffle(t0, t2, 0xEE);
        var r2 = Avx512F.Shuffle(t1, t3, 0x44);
        var r3 = Avx512F.Shuffle(t1, t3, 0xEE);
        var r4 = Avx512F.Shuffle(t4, t6, 0x44);
        var r5 = Avx512F.Shuffle(t4, t6, 0xEE);
        var r6 = Avx512F.Shuffle(t5, t7, 0x44);
        var r7 = Avx512F.Shuffle(t5, t7, 0xEE);
        var r8 = Avx512F.Shuffle(t8, ta, 0x44);
        var r9 = Avx512F.Shuffle(t8, ta, 0xEE);
        var ra = Avx512F.Shuffle(t9, tb, 0x44);
        var rb = Avx512F.Shuffle(t9, tb, 0xEE);
        var rc = Avx512F.Shuffle(tc, te, 0x44);
        var rd = Avx512F.Shuffle(tc, te, 0xEE);
        var re = Avx512F.Shuffle(td, tf, 0x44);
        var rf = Avx512F.Shuffle(td, tf, 0xEE);

        // Stage 3: gather the four 128-bit lanes of each column.
        t0 = Avx512F.Shuffle4x128(r0, r4, 0x88);
        t1 = Avx512F.Shuffle4x128(r1, r5, 0x88);
        t2 = Avx512F.Shuffle4x128(r2, r6, 0x88);
        t3 = Avx512F.Shuffle4x128(r3, r7, 0x88);
        t4 = Avx512F.Shuffle4x128(r0, r4, 0xDD);
        t5 = Avx512F.Shuffle4x128(r1, r5, 0xDD);
        t6 = Avx512F.Shuffle4x128(r2, r6, 0xDD);
        t7 = Avx512F.Shuffle4x128(r3, r7, 0xDD);
        t8 = Avx512F.Shuffle4x128(r8, rc, 0x88);
        t9 = Avx512F.Shuffle4x128(r9, rd, 0x88);
        ta = Avx512F.Shuffle4x128(ra, re, 0x88);
        tb = Avx512F.Shuffle4x128(rb, rf, 0x88);
        tc = Avx512F.Shuffle4x128(r8, rc, 0xDD);
        td = Avx512F.Shuffle4x128(r9, rd, 0xDD);
        te = Avx512F.Shuffle4x128(ra, re, 0xDD);
        tf = Avx512F.Shuffle4x128(rb, rf, 0xDD);

        Avx512F.Store(dst, Avx512F.Shuffle4x128(t0, t8, 0x88));
        Avx512F.Store(dst + dstStride, Avx512F.Shuffle4x128(t1, t9, 0x88));
        Avx512F.Store(dst + 2 * dstStride, Avx512F.Shuffle4x128(t2, ta, 0x88));
        Avx512F.Store(dst + 3 * dstStride, Avx512F.Shuffle4x128(t3, tb, 0x88));
        Avx512F.Store(dst + 4 * dstStride, Avx512F.Shuffle4x128(t4, tc, 0x88));
        Avx512F.Store(dst + 5 * dstStride, Avx512F.Shuffle4x128(t5, td, 0x88));
        Avx512F.Store(dst + 6 * dstStride, Avx512F.Shuffle4x128(t6, te, 0x88));
        Avx512F.Store(dst + 7 * dstStride, Avx512F.Shuffle4x128(t7, tf, 0x88));
        Avx512F.Store(dst + 8 * dstStride, Avx512F.Shuffle4x128(t0, t8, 0xDD));
        Avx512F.Store(dst + 9 * dstStride, Avx512F.Shuffle4x128(t1, t9, 0xDD));
        Avx512F.Store(dst + 10 * dstStride, Avx512F.Shuffle4x128(t2, ta, 0xDD));
        Avx512F.Store(dst + 11 * dstStride, Avx512F.Shuffle4x128(t3, tb, 0xDD));
        Avx512F.Store(dst + 12 * dstStride, Avx512F.Shuffle4x128(t4, tc, 0xDD));
        Avx512F.Store(dst + 13 * dstStride, Avx512F.Shuffle4x128(t5, td, 0xDD));
        Avx512F.Store(dst + 14 * dstStride, Avx512F.Shuffle4x128(t6, te, 0xDD));
        Avx512F.Store(dst + 15 * dstStride, Avx512F.Shuffle4x128(t7, tf, 0xDD));
    }
}
