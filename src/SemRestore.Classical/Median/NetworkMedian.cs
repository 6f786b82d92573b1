using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;

namespace SemRestore.Classical.Median;

/// <summary>
/// 3x3 and 5x5 medians with SIMD min/max over 8 adjacent pixels. Each output row first sorts every padded
/// column of k values once (shared by the k outputs that see that column), then selects the median from k
/// sorted columns: 3x3 by med3(max of lows, med3 of middles, min of highs), 5x5 by the pruned network in
/// <see cref="MedianNetworks"/>. Rows run in parallel; each row's result depends only on the input.
/// </summary>
internal static class NetworkMedian
{
    public static void Median3(float[] source, float[] destination, int width, int height, BorderMode border, CancellationToken cancellationToken)
    {
        const int pad = 1;
        var stride = Border.PaddedStride(width, pad);
        var padded = Border.Pad(source, width, height, pad, pad, stride, border);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new float[4 * stride], (y, _, scratch) =>
        {
            var lo = scratch.AsSpan(0, stride);
            var mid = scratch.AsSpan(stride, stride);
            var hi = scratch.AsSpan(2 * stride, stride);
            var result = scratch.AsSpan(3 * stride, stride);
            var r0 = padded.AsSpan(y * stride, stride);
            var r1 = padded.AsSpan((y + 1) * stride, stride);
            var r2 = padded.AsSpan((y + 2) * stride, stride);
            for (var x = 0; x < stride; x += 8)
            {
                var a = Load(r0, x);
                var b = Load(r1, x);
                var c = Load(r2, x);
                MedianNetworks.Sort3(ref a, ref b, ref c);
                Store(lo, x, a);
                Store(mid, x, b);
                Store(hi, x, c);
            }

            // Output x uses padded columns x, x+1, x+2; the largest load ends at roundUp(width, 8) + 9 <= stride.
            for (var x = 0; x < width; x += 8)
            {
                var maxLow = Vector256.MaxNative(Vector256.MaxNative(Load(lo, x), Load(lo, x + 1)), Load(lo, x + 2));
                var minHigh = Vector256.MinNative(Vector256.MinNative(Load(hi, x), Load(hi, x + 1)), Load(hi, x + 2));
                var midMid = Median3(Load(mid, x), Load(mid, x + 1), Load(mid, x + 2));
                Store(result, x, Median3(maxLow, midMid, minHigh));
            }

            result[..width].CopyTo(destination.AsSpan(y * width, width));
            return scratch;
        }, _ => { });
    }

    public static void Median5(float[] source, float[] destination, int width, int height, BorderMode border, CancellationToken cancellationToken)
    {
        const int pad = 2;
        var stride = Border.PaddedStride(width, pad);
        var padded = Border.Pad(source, width, height, pad, pad, stride, border);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, height, options, () => new float[6 * stride], (y, _, scratch) =>
        {
            var s0 = scratch.AsSpan(0, stride);
            var s1 = scratch.AsSpan(stride, stride);
            var s2 = scratch.AsSpan(2 * stride, stride);
            var s3 = scratch.AsSpan(3 * stride, stride);
            var s4 = scratch.AsSpan(4 * stride, stride);
            var result = scratch.AsSpan(5 * stride, stride);
            for (var x = 0; x < stride; x += 8)
            {
                var a0 = Load(padded.AsSpan(y * stride), x);
                var a1 = Load(padded.AsSpan((y + 1) * stride), x);
                var a2 = Load(padded.AsSpan((y + 2) * stride), x);
                var a3 = Load(padded.AsSpan((y + 3) * stride), x);
                var a4 = Load(padded.AsSpan((y + 4) * stride), x);
                MedianNetworks.Sort5(ref a0, ref a1, ref a2, ref a3, ref a4);
                Store(s0, x, a0);
                Store(s1, x, a1);
                Store(s2, x, a2);
                Store(s3, x, a3);
                Store(s4, x, a4);
            }

            for (var x = 0; x < width; x += 8)
            {
                // v[c*5 + r] = rank r of padded column x + c.
                var v0 = Load(s0, x); var v1 = Load(s1, x); var v2 = Load(s2, x); var v3 = Load(s3, x); var v4 = Load(s4, x);
                var v5 = Load(s0, x + 1); var v6 = Load(s1, x + 1); var v7 = Load(s2, x + 1); var v8 = Load(s3, x + 1); var v9 = Load(s4, x + 1);
                var v10 = Load(s0, x + 2); var v11 = Load(s1, x + 2); var v12 = Load(s2, x + 2); var v13 = Load(s3, x + 2); var v14 = Load(s4, x + 2);
                var v15 = Load(s0, x + 3); var v16 = Load(s1, x + 3); var v17 = Load(s2, x + 3); var v18 = Load(s3, x + 3); var v19 = Load(s4, x + 3);
                var v20 = Load(s0, x + 4); var v21 = Load(s1, x + 4); var v22 = Load(s2, x + 4); var v23 = Load(s3, x + 4); var v24 = Load(s4, x + 4);
                var median = MedianNetworks.MedianOf5SortedColumns(
                    ref v0, ref v1, ref v2, ref v3, ref v4, ref v5, ref v6, ref v7, ref v8, ref v9,
                    ref v10, ref v11, ref v12, ref v13, ref v14, ref v15, ref v16, ref v17, ref v18, ref v19,
                    ref v20, ref v21, ref v22, ref v23, ref v24);
                Store(result, x, median);
            }

            result[..width].CopyTo(destination.AsSpan(y * width, width));
            return scratch;
        }, _ => { });
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Median3(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Vector256.MaxNative(Vector256.MinNative(a, b), Vector256.MinNative(Vector256.MaxNative(a, b), c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(Span<float> span, int index) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> span, int index, Vector256<float> value) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);
}
