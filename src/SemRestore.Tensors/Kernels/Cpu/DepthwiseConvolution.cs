using System.Numerics.Tensors;

namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Direct depthwise convolution (groups = in = out channels): per plane and kept tap, one scaled row
/// update <c>out[oy, ox] += w * in[oy * sH + dy, ox * sW + dx]</c> over the range of ox that stays inside
/// the input, vectorised for stride 1. Planes are independent, so parallel runs are deterministic.
/// </summary>
internal static unsafe class DepthwiseConvolution
{
    /// <summary>output (already holding the bias or zeros) += depthwise conv of input.</summary>
    public static void Forward(in Conv2dGeometry g, float* input, float* weight, int* kept, int taps, float* output, bool simd, int threads)
    {
        var geo = g;
        int hw = g.InHeight * g.InWidth, ohw = g.OutHeight * g.OutWidth, khw = g.KernelH * g.KernelW;
        ParallelRange.For(g.Batch * g.InChannels, (long)ohw * taps, threads, plane =>
        {
            var channel = plane % geo.InChannels;
            var src = input + (long)plane * hw;
            var dst = output + (long)plane * ohw;
            for (var t = 0; t < taps; t++)
            {
                var w = weight[channel * khw + kept[t]];
                ForEachRow(geo, kept[t], (oy, iy, oxLo, oxHi, dx) =>
                {
                    var inRow = src + (long)iy * geo.InWidth;
                    var outRow = dst + (long)oy * geo.OutWidth;
                    if (simd && geo.StrideW == 1)
                    {
                        var o = new Span<float>(outRow + oxLo, oxHi - oxLo);
                        TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(inRow + oxLo + dx, o.Length), w, o, o);
                        return;
                    }

                    for (var ox = oxLo; ox < oxHi; ox++)
                    {
                        outRow[ox] += w * inRow[ox * geo.StrideW + dx];
                    }
                });
            }
        });
    }

    /// <summary>gradInput += transpose of the depthwise conv applied to gradOutput.</summary>
    public static void BackwardData(in Conv2dGeometry g, float* gradOutput, float* weight, int* kept, int taps, float* gradInput, bool simd, int threads)
    {
        var geo = g;
        int hw = g.InHeight * g.InWidth, ohw = g.OutHeight * g.OutWidth, khw = g.KernelH * g.KernelW;
        ParallelRange.For(g.Batch * g.InChannels, (long)ohw * taps, threads, plane =>
        {
            var channel = plane % geo.InChannels;
            var gin = gradInput + (long)plane * hw;
            var gout = gradOutput + (long)plane * ohw;
            for (var t = 0; t < taps; t++)
            {
                var w = weight[channel * khw + kept[t]];
                ForEachRow(geo, kept[t], (oy, iy, oxLo, oxHi, dx) =>
                {
                    var inRow = gin + (long)iy * geo.InWidth;
                    var outRow = gout + (long)oy * geo.OutWidth;
                    if (simd && geo.StrideW == 1)
                    {
                        var i = new Span<float>(inRow + oxLo + dx, oxHi - oxLo);
                        TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(outRow + oxLo, i.Length), w, i, i);
                        return;
                    }

                    for (var ox = oxLo; ox < oxHi; ox++)
                    {
                        inRow[ox * geo.StrideW + dx] += w * outRow[ox];
                    }
                });
            }
        });
    }

    /// <summary>gradWeight[c, tap] += sum over images and pixels of input * gradOutput (double across rows).</summary>
    public static void BackwardWeight(in Conv2dGeometry g, float* input, float* gradOutput, int* kept, int taps, float* gradWeight, bool simd, int threads)
    {
        var geo = g;
        int hw = g.InHeight * g.InWidth, ohw = g.OutHeight * g.OutWidth, khw = g.KernelH * g.KernelW;
        ParallelRange.For(g.InChannels, (long)g.Batch * ohw * taps, threads, channel =>
        {
            for (var t = 0; t < taps; t++)
            {
                double sum = 0;
                for (var n = 0; n < geo.Batch; n++)
                {
                    var plane = n * geo.InChannels + channel;
                    var src = input + (long)plane * hw;
                    var gout = gradOutput + (long)plane * ohw;
                    ForEachRow(geo, kept[t], (oy, iy, oxLo, oxHi, dx) =>
                    {
                        var inRow = src + (long)iy * geo.InWidth;
                        var outRow = gout + (long)oy * geo.OutWidth;
                        if (simd && geo.StrideW == 1)
                        {
                            sum += TensorPrimitives.Dot(new ReadOnlySpan<float>(inRow + oxLo + dx, oxHi - oxLo), new ReadOnlySpan<float>(outRow + oxLo, oxHi - oxLo));
                            return;
                        }

                        var rowSum = 0f;
                        for (var ox = oxLo; ox < oxHi; ox++)
                        {
                            rowSum += inRow[ox * geo.StrideW + dx] * outRow[ox];
                        }

                        sum += rowSum;
                    });
                }

                gradWeight[channel * khw + kept[t]] += (float)sum;
            }
        });
    }

    private delegate void RowAction(int oy, int iy, int oxLo, int oxHi, int dx);

    /// <summary>Calls <paramref name="action"/> for every output row whose input row exists, with the range
    /// [oxLo, oxHi) of output columns whose input column <c>ox * strideW + dx</c> exists.</summary>
    private static void ForEachRow(in Conv2dGeometry g, int tap, RowAction action)
    {
        var ky = tap / g.KernelW;
        var kx = tap - ky * g.KernelW;
        var dy = ky * g.DilationH - g.PadH;
        var dx = kx * g.DilationW - g.PadW;
        var oxLo = dx >= 0 ? 0 : (-dx + g.StrideW - 1) / g.StrideW;
        var lastIx = g.InWidth - 1 - dx;
        if (lastIx < 0)
        {
            return;
        }

        var oxHi = Math.Min(g.OutWidth, lastIx / g.StrideW + 1);
        if (oxLo >= oxHi)
        {
            return;
        }

        for (var oy = 0; oy < g.OutHeight; oy++)
        {
            var iy = oy * g.StrideH + dy;
            if ((uint)iy < (uint)g.InHeight)
            {
                action(oy, iy, oxLo, oxHi, dx);
            }
        }
    }
}
