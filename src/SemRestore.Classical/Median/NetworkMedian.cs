using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;

namespace SemRestore.Classical.Median;

/// <summary>
/// 3x3 and 5x5 medians with SIMD min/max over 8 adjacent pixels. Each output row first sorts every column of k
/// values once (shared by the k outputs that see that column) into k rank rows, then selects the median from k
/// sorted columns: 3x3 by med3(max of lows, med3 of middles, min of highs), 5x5 by the pruned network in
/// <see cref="MedianNetworks"/>. Source rows are read in place (border rows by index mapping); only the rank rows
/// carry the k/2 border columns. Column tails narrower than 8 run the same network on one lane; the last output
/// vector overlaps the previous one instead of running a scalar tail. Rows run in parallel; each row depends only on the input.
/// </summary>
internal static class NetworkMedian
{
    /// <returns>False when a source row holds NaN or infinity (then the output is incomplete): each row is checked as
    /// the centre row of its output row, which replaces a separate pass over the image.</returns>
    public static bool Median3(float[] source, float[] destination, int width, int height, BorderMode border, CancellationToken cancellationToken)
    {
        var nonFinite = 0;
        const int pad = 1;
        var stride = Border.PaddedStride(width, pad);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new float[4 * stride], (y, _, scratch) =>
        {
            var lo = scratch.AsSpan(0, stride);
            var mid = scratch.AsSpan(stride, stride);
            var hi = scratch.AsSpan(2 * stride, stride);
            ReadOnlySpan<float> r0 = source.AsSpan(Border.Map(y - 1, height, border) * width, width);
            ReadOnlySpan<float> r1 = source.AsSpan(y * width, width);
            ReadOnlySpan<float> r2 = source.AsSpan(Border.Map(y + 1, height, border) * width, width);
            if (!InputGuard.AllFinite(r1))
            {
                Volatile.Write(ref nonFinite, 1);
                return scratch;
            }

            var x = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                // Same network on 16 lanes where AVX-512 exists; the 8-lane loop below finishes the row.
                for (; x + 16 <= width; x += 16)
                {
                    var a = SimdMath.Load512(r0, x);
                    var b = SimdMath.Load512(r1, x);
                    var c = SimdMath.Load512(r2, x);
                    var t = a;
                    a = Vector512.MinNative(t, b);
                    b = Vector512.MaxNative(t, b);
                    t = b;
                    b = Vector512.MinNative(t, c);
                    c = Vector512.MaxNative(t, c);
                    t = a;
                    a = Vector512.MinNative(t, b);
                    b = Vector512.MaxNative(t, b);
                    SimdMath.Store512(lo, x + pad, a);
                    SimdMath.Store512(mid, x + pad, b);
                    SimdMath.Store512(hi, x + pad, c);
                }
            }

            for (; x + 8 <= width; x += 8)
            {
                var a = SimdMath.Load(r0, x);
                var b = SimdMath.Load(r1, x);
                var c = SimdMath.Load(r2, x);
                MedianNetworks.Sort3(ref a, ref b, ref c);
                SimdMath.Store(lo, x + pad, a);
                SimdMath.Store(mid, x + pad, b);
                SimdMath.Store(hi, x + pad, c);
            }

            for (var j = 0; j < stride - 8; j++)
            {
                // Tail columns and border columns (rank row index j holds source column j - pad).
                if (j >= pad && j < x + pad)
                {
                    j = x + pad - 1;
                    continue;
                }

                var column = Border.Map(j - pad, width, border);
                var a = Vector256.Create(r0[column]);
                var b = Vector256.Create(r1[column]);
                var c = Vector256.Create(r2[column]);
                MedianNetworks.Sort3(ref a, ref b, ref c);
                lo[j] = a.ToScalar();
                mid[j] = b.ToScalar();
                hi[j] = c.ToScalar();
            }

            var target = destination.AsSpan(y * width, width);
            var result = scratch.AsSpan(3 * stride, stride);
            var output = width >= 8 ? target : result;
            var start = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; start + 16 <= width; start += 16)
                {
                    var maxLow = Vector512.MaxNative(Vector512.MaxNative(SimdMath.Load512(lo, start), SimdMath.Load512(lo, start + 1)), SimdMath.Load512(lo, start + 2));
                    var minHigh = Vector512.MinNative(Vector512.MinNative(SimdMath.Load512(hi, start), SimdMath.Load512(hi, start + 1)), SimdMath.Load512(hi, start + 2));
                    var midMid = Median3(SimdMath.Load512(mid, start), SimdMath.Load512(mid, start + 1), SimdMath.Load512(mid, start + 2));
                    SimdMath.Store512(output, start, Median3(maxLow, midMid, minHigh));
                }
            }

            for (var o = start; o < width; o += 8)
            {
                var at = width >= 8 ? Math.Min(o, width - 8) : o;
                var maxLow = Vector256.MaxNative(Vector256.MaxNative(SimdMath.Load(lo, at), SimdMath.Load(lo, at + 1)), SimdMath.Load(lo, at + 2));
                var minHigh = Vector256.MinNative(Vector256.MinNative(SimdMath.Load(hi, at), SimdMath.Load(hi, at + 1)), SimdMath.Load(hi, at + 2));
                var midMid = Median3(SimdMath.Load(mid, at), SimdMath.Load(mid, at + 1), SimdMath.Load(mid, at + 2));
                SimdMath.Store(output, at, Median3(maxLow, midMid, minHigh));
            }

            if (width < 8)
            {
                result[..width].CopyTo(target);
            }

            return scratch;
        }, _ => { });
        return nonFinite == 0;
    }

    /// <returns>False when a source row holds NaN or infinity (then the output is incomplete): each row is checked as
    /// the centre row of its output row, which replaces a separate pass over the image.</returns>
    public static bool Median5(float[] source, float[] destination, int width, int height, BorderMode border, CancellationToken cancellationToken)
    {
        var nonFinite = 0;
        const int pad = 2;
        var stride = Border.PaddedStride(width, pad);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new float[6 * stride], (y, _, scratch) =>
        {
            var s0 = scratch.AsSpan(0, stride);
            var s1 = scratch.AsSpan(stride, stride);
            var s2 = scratch.AsSpan(2 * stride, stride);
            var s3 = scratch.AsSpan(3 * stride, stride);
            var s4 = scratch.AsSpan(4 * stride, stride);
            ReadOnlySpan<float> r0 = source.AsSpan(Border.Map(y - 2, height, border) * width, width);
            ReadOnlySpan<float> r1 = source.AsSpan(Border.Map(y - 1, height, border) * width, width);
            ReadOnlySpan<float> r2 = source.AsSpan(y * width, width);
            ReadOnlySpan<float> r3 = source.AsSpan(Border.Map(y + 1, height, border) * width, width);
            ReadOnlySpan<float> r4 = source.AsSpan(Border.Map(y + 2, height, border) * width, width);
            if (!InputGuard.AllFinite(r2))
            {
                Volatile.Write(ref nonFinite, 1);
                return scratch;
            }

            var x = 0;
            for (; x + 8 <= width; x += 8)
            {
                var a0 = SimdMath.Load(r0, x);
                var a1 = SimdMath.Load(r1, x);
                var a2 = SimdMath.Load(r2, x);
                var a3 = SimdMath.Load(r3, x);
                var a4 = SimdMath.Load(r4, x);
                MedianNetworks.Sort5(ref a0, ref a1, ref a2, ref a3, ref a4);
                SimdMath.Store(s0, x + pad, a0);
                SimdMath.Store(s1, x + pad, a1);
                SimdMath.Store(s2, x + pad, a2);
                SimdMath.Store(s3, x + pad, a3);
                SimdMath.Store(s4, x + pad, a4);
            }

            for (var j = 0; j < stride - 8; j++)
            {
                if (j >= pad && j < x + pad)
                {
                    j = x + pad - 1;
                    continue;
                }

                var column = Border.Map(j - pad, width, border);
                var a0 = Vector256.Create(r0[column]);
                var a1 = Vector256.Create(r1[column]);
                var a2 = Vector256.Create(r2[column]);
                var a3 = Vector256.Create(r3[column]);
                var a4 = Vector256.Create(r4[column]);
                MedianNetworks.Sort5(ref a0, ref a1, ref a2, ref a3, ref a4);
                s0[j] = a0.ToScalar();
                s1[j] = a1.ToScalar();
                s2[j] = a2.ToScalar();
                s3[j] = a3.ToScalar();
                s4[j] = a4.ToScalar();
            }

            var target = destination.AsSpan(y * width, width);
            var result = scratch.AsSpan(5 * stride, stride);
            var output = width >= 8 ? target : result;
            for (var o = 0; o < width; o += 8)
            {
                var at = width >= 8 ? Math.Min(o, width - 8) : o;
                // v[c*5 + r] = rank r of rank-row column at + c.
                var v0 = SimdMath.Load(s0, at); var v1 = SimdMath.Load(s1, at); var v2 = SimdMath.Load(s2, at); var v3 = SimdMath.Load(s3, at); var v4 = SimdMath.Load(s4, at);
                var v5 = SimdMath.Load(s0, at + 1); var v6 = SimdMath.Load(s1, at + 1); var v7 = SimdMath.Load(s2, at + 1); var v8 = SimdMath.Load(s3, at + 1); var v9 = SimdMath.Load(s4, at + 1);
                var v10 = SimdMath.Load(s0, at + 2); var v11 = SimdMath.Load(s1, at + 2); var v12 = SimdMath.Load(s2, at + 2); var v13 = SimdMath.Load(s3, at + 2); var v14 = SimdMath.Load(s4, at + 2);
                var v15 = SimdMath.Load(s0, at + 3); var v16 = SimdMath.Load(s1, at + 3); var v17 = SimdMath.Load(s2, at + 3); var v18 = SimdMath.Load(s3, at + 3); var v19 = SimdMath.Load(s4, at + 3);
                var v20 = SimdMath.Load(s0, at + 4); var v21 = SimdMath.Load(s1, at + 4); var v22 = SimdMath.Load(s2, at + 4); var v23 = SimdMath.Load(s3, at + 4); var v24 = SimdMath.Load(s4, at + 4);
                var median = MedianNetworks.MedianOf5SortedColumns(
                    ref v0, ref v1, ref v2, ref v3, ref v4, ref v5, ref v6, ref v7, ref v8, ref v9,
                    ref v10, ref v11, ref v12, ref v13, ref v14, ref v15, ref v16, ref v17, ref v18, ref v19,
                    ref v20, ref v21, ref v22, ref v23, ref v24);
                SimdMath.Store(output, at, median);
            }

            if (width < 8)
            {
                result[..width].CopyTo(target);
            }

            return scratch;
        }, _ => { });
        return nonFinite == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Median3(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Vector512.MaxNative(Vector512.MinNative(a, b), Vector512.MinNative(Vector512.MaxNative(a, b), c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Median3(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Vector256.MaxNative(Vector256.MinNative(a, b), Vector256.MinNative(Vector256.MaxNative(a, b), c));
}
