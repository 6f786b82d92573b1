using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>Nearest-neighbour upsampling by an integer factor: out[y, x] = in[y / s, x / s]
    /// ((N, C, H, W) -> (N, C, sH, sW)); the gradient sums each s x s block.</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale &lt; 1.</exception>
    public static Tensor UpsampleNearest(Tensor x, int scale)
    {
        RequireRank("upsample_nearest", x, 4, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        int outH = h * scale, outW = w * scale;
        var output = Tensor.Empty(n, c, outH, outW);
        ParallelFor(n * c, outH * outW, p =>
        {
            var src = x.Data.Slice(p * h * w, h * w);
            var dst = output.Data.Slice(p * outH * outW, outH * outW);
            for (var y = 0; y < h; y++)
            {
                var first = dst.Slice(y * scale * outW, outW);
                var row = src.Slice(y * w, w);
                if (scale == 2)
                {
                    for (var xx = 0; xx < row.Length; xx++)
                    {
                        first[2 * xx] = row[xx];
                        first[2 * xx + 1] = row[xx];
                    }
                }
                else
                {
                    for (var xx = 0; xx < row.Length; xx++)
                    {
                        first.Slice(xx * scale, scale).Fill(row[xx]);
                    }
                }

                for (var r = 1; r < scale; r++)
                {
                    first.CopyTo(dst.Slice((y * scale + r) * outW, outW));
                }
            }
        });

        return Record(output, "upsample_nearest", [x], g =>
        {
            x.GradSpan();
            ParallelFor(n * c, outH * outW, p =>
            {
                var dx = x.Grad!.Data.Slice(p * h * w, h * w);
                var gs = g.Data.Slice(p * outH * outW, outH * outW);
                var rowSum = scale == 2 ? new float[outW] : [];
                for (var y = 0; y < h; y++)
                {
                    var dRow = dx.Slice(y * w, w);
                    if (scale == 2)
                    {
                        // Vertical pair sum with SIMD, then the horizontal pairs.
                        TensorPrimitives.Add(gs.Slice(2 * y * outW, outW), gs.Slice((2 * y + 1) * outW, outW), rowSum);
                        for (var xx = 0; xx < dRow.Length; xx++)
                        {
                            dRow[xx] += rowSum[2 * xx] + rowSum[2 * xx + 1];
                        }

                        continue;
                    }

                    for (var r = 0; r < scale; r++)
                    {
                        var row = gs.Slice((y * scale + r) * outW, outW);
                        {
                            for (var xx = 0; xx < dRow.Length; xx++)
                            {
                                var block = row.Slice(xx * scale, scale);
                                var sum = 0f;
                                foreach (var v in block)
                                {
                                    sum += v;
                                }

                                dRow[xx] += sum;
                            }
                        }
                    }
                }
            });
        });
    }

    /// <summary>
    /// Bilinear resize to (outHeight, outWidth) with align_corners false (torch.nn.functional.interpolate
    /// mode 'bilinear'): source coordinate <c>max(0, (dst + 0.5) * in / out - 0.5)</c>, edge clamped.
    /// </summary>
    public static Tensor UpsampleBilinear(Tensor x, int outHeight, int outWidth)
    {
        RequireRank("upsample_bilinear", x, 4, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(outHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outWidth, 1);
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        var (y0, y1, ly) = BilinearTaps(h, outHeight);
        var (x0, x1, lx) = BilinearTaps(w, outWidth);
        var output = Tensor.Empty(n, c, outHeight, outWidth);
        ParallelFor(n * c, outHeight * outWidth * 4, p =>
        {
            var src = x.Data.Slice(p * h * w, h * w);
            var dst = output.Data.Slice(p * outHeight * outWidth, outHeight * outWidth);
            for (var oy = 0; oy < outHeight; oy++)
            {
                var r0 = src.Slice(y0[oy] * w, w);
                var r1 = src.Slice(y1[oy] * w, w);
                var wy = ly[oy];
                for (var ox = 0; ox < outWidth; ox++)
                {
                    var wx = lx[ox];
                    var top = (1 - wx) * r0[x0[ox]] + wx * r0[x1[ox]];
                    var bottom = (1 - wx) * r1[x0[ox]] + wx * r1[x1[ox]];
                    dst[oy * outWidth + ox] = (1 - wy) * top + wy * bottom;
                }
            }
        });

        return Record(output, "upsample_bilinear", [x], g =>
        {
            x.GradSpan();
            ParallelFor(n * c, outHeight * outWidth * 4, p =>
            {
                var dx = x.Grad!.Data.Slice(p * h * w, h * w);
                var gs = g.Data.Slice(p * outHeight * outWidth, outHeight * outWidth);
                for (var oy = 0; oy < outHeight; oy++)
                {
                    var wy = ly[oy];
                    for (var ox = 0; ox < outWidth; ox++)
                    {
                        var v = gs[oy * outWidth + ox];
                        var wx = lx[ox];
                        dx[y0[oy] * w + x0[ox]] += (1 - wy) * (1 - wx) * v;
                        dx[y0[oy] * w + x1[ox]] += (1 - wy) * wx * v;
                        dx[y1[oy] * w + x0[ox]] += wy * (1 - wx) * v;
                        dx[y1[oy] * w + x1[ox]] += wy * wx * v;
                    }
                }
            });
        });
    }

    /// <summary>Bilinear resize by an integer factor (scale_factor in PyTorch, same coordinates).</summary>
    public static Tensor UpsampleBilinear(Tensor x, int scale)
    {
        RequireRank("upsample_bilinear", x, 4, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        return UpsampleBilinear(x, x.Dim(2) * scale, x.Dim(3) * scale);
    }

    private static (int[] I0, int[] I1, float[] Lambda) BilinearTaps(int inSize, int outSize)
    {
        var i0 = new int[outSize];
        var i1 = new int[outSize];
        var lambda = new float[outSize];
        var scale = (float)inSize / outSize;
        for (var o = 0; o < outSize; o++)
        {
            var src = Math.Max(0f, scale * (o + 0.5f) - 0.5f);
            var f = (int)src;
            i0[o] = Math.Min(f, inSize - 1);
            i1[o] = Math.Min(f + 1, inSize - 1);
            lambda[o] = src - f;
        }

        return (i0, i1, lambda);
    }
}
