using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Max pooling over kH x kW windows (torch.nn.functional.max_pool2d, ceil_mode false, padding with
    /// -inf). Output size <c>(H + 2*padding - kernel) / stride + 1</c>. Ties keep the first maximum in
    /// row-major window order; the gradient goes only to that element.
    /// </summary>
    /// <exception cref="ArgumentException">Rank is not 4, padding above half the kernel, or the window does not fit.</exception>
    public static Tensor MaxPool2d(Tensor x, int kernel, int? stride = null, int padding = 0)
    {
        RequireRank("max_pool2d", x, 4, nameof(x));
        var s = stride ?? kernel;
        var (outH, outW) = PoolOutput("max_pool2d", x, kernel, s, padding);
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        var output = Tensor.Empty(n, c, outH, outW);
        if (kernel == 2 && s == 2 && padding == 0)
        {
            return MaxPool2x2(x, output, n * c, h, w, outH, outW);
        }

        var argmax = new int[output.Length];
        ParallelFor(n * c, outH * outW * kernel * kernel, p =>
        {
            var src = x.Data.Slice(p * h * w, h * w);
            var dst = output.Data.Slice(p * outH * outW, outH * outW);
            var arg = argmax.AsSpan(p * outH * outW, outH * outW);
            for (var oy = 0; oy < outH; oy++)
            {
                for (var ox = 0; ox < outW; ox++)
                {
                    var best = float.NegativeInfinity;
                    var bestIndex = -1;
                    for (var ky = 0; ky < kernel; ky++)
                    {
                        var iy = oy * s - padding + ky;
                        if ((uint)iy >= (uint)h)
                        {
                            continue;
                        }

                        for (var kx = 0; kx < kernel; kx++)
                        {
                            var ix = ox * s - padding + kx;
                            if ((uint)ix >= (uint)w)
                            {
                                continue;
                            }

                            var v = src[iy * w + ix];
                            if (v > best || float.IsNaN(v) || bestIndex < 0)
                            {
                                best = v;
                                bestIndex = iy * w + ix;
                                if (float.IsNaN(v))
                                {
                                    goto done;
                                }
                            }
                        }
                    }

                done:
                    dst[oy * outW + ox] = best;
                    arg[oy * outW + ox] = bestIndex;
                }
            }
        });

        return Record(output, "max_pool2d", [x], g =>
        {
            x.GradSpan();
            ParallelFor(n * c, outH * outW, p =>
            {
                var dx = x.Grad!.Data.Slice(p * h * w, h * w);
                var gs = g.Data.Slice(p * outH * outW, outH * outW);
                var arg = argmax.AsSpan(p * outH * outW, outH * outW);
                for (var i = 0; i < gs.Length; i++)
                {
                    dx[arg[i]] += gs[i];
                }
            });
        });
    }

    /// <summary>The U-Net's 2x2 stride-2 pool, branch-free: a SIMD vertical max of the two input rows, then the max of
    /// each horizontal pair. NaN propagates (IEEE maximum), as in PyTorch. The backward pass routes each gradient to
    /// the first element of its window (a, b, c, d order) equal to the output, so no index buffer is kept.</summary>
    private static Tensor MaxPool2x2(Tensor x, Tensor output, int planes, int h, int w, int outH, int outW)
    {
        ParallelFor(planes, outH * outW * 4, p =>
        {
            var src = x.Data.Slice(p * h * w, h * w);
            var dst = output.Data.Slice(p * outH * outW, outH * outW);
            var buffer = outW <= 2048 ? stackalloc float[2 * outW] : new float[2 * outW];
            for (var oy = 0; oy < outH; oy++)
            {
                TensorPrimitives.Max(src.Slice(2 * oy * w, 2 * outW), src.Slice((2 * oy + 1) * w, 2 * outW), buffer);
                var d = dst.Slice(oy * outW, outW);
                for (var ox = 0; ox < d.Length; ox++)
                {
                    d[ox] = MathF.Max(buffer[2 * ox], buffer[2 * ox + 1]);
                }
            }
        });

        return Record(output, "max_pool2d", [x], g =>
        {
            x.GradSpan();
            ParallelFor(planes, outH * outW * 4, p =>
            {
                var src = x.Data.Slice(p * h * w, h * w);
                var dx = x.Grad!.Data.Slice(p * h * w, h * w);
                var ys = output.Data.Slice(p * outH * outW, outH * outW);
                var gs = g.Data.Slice(p * outH * outW, outH * outW);
                for (var oy = 0; oy < outH; oy++)
                {
                    int row0 = 2 * oy * w, row1 = row0 + w;
                    for (var ox = 0; ox < outW; ox++)
                    {
                        var y = ys[oy * outW + ox];
                        int i0 = row0 + 2 * ox, i1 = i0 + 1, i2 = row1 + 2 * ox, i3 = i2 + 1;
                        var target = Same(src[i0], y) ? i0 : Same(src[i1], y) ? i1 : Same(src[i2], y) ? i2 : i3;
                        dx[target] += gs[oy * outW + ox];
                    }
                }
            });
        });

        static bool Same(float v, float y) => v == y || (float.IsNaN(v) && float.IsNaN(y));
    }

    /// <summary>
    /// Average pooling (torch.nn.functional.avg_pool2d with ceil_mode false and count_include_pad true:
    /// every window divides by kernel*kernel, zero padding counted).
    /// </summary>
    public static Tensor AvgPool2d(Tensor x, int kernel, int? stride = null, int padding = 0)
    {
        RequireRank("avg_pool2d", x, 4, nameof(x));
        var s = stride ?? kernel;
        PoolOutput("avg_pool2d", x, kernel, s, padding);

        // Every plane is convolved with a constant k x k kernel of 1/k^2 (zero padding counted), so forward and
        // backward run on the conv kernels.
        int n = x.Dim(0), c = x.Dim(1);
        var weight = Tensor.Full(1f / (kernel * kernel), 1, 1, kernel, kernel);
        var planes = Reshape(x, n * c, 1, x.Dim(2), x.Dim(3));
        var pooled = Conv2d(planes, weight, null, stride: s, padding: padding);
        return Reshape(pooled, n, c, pooled.Dim(2), pooled.Dim(3));
    }

    /// <summary>Mean over H and W: (N, C, H, W) -> (N, C, 1, 1).</summary>
    public static Tensor GlobalAvgPool2d(Tensor x)
    {
        RequireRank("global_avg_pool2d", x, 4, nameof(x));
        return Mean(x, [2, 3], keepDims: true);
    }

    private static (int OutH, int OutW) PoolOutput(string op, Tensor x, int kernel, int stride, int padding)
    {
        if (kernel <= 0 || stride <= 0 || padding < 0 || 2 * padding > kernel)
        {
            throw new ArgumentException($"{op}: kernel {kernel} and stride {stride} must be positive and padding {padding} at most half the kernel.");
        }

        var outH = (x.Dim(2) + 2 * padding - kernel) / stride + 1;
        var outW = (x.Dim(3) + 2 * padding - kernel) / stride + 1;
        if (x.Dim(2) + 2 * padding < kernel || x.Dim(3) + 2 * padding < kernel)
        {
            throw new ArgumentException($"{op}: input {x.ShapeString} is smaller than the {kernel}x{kernel} window (padding {padding}).", nameof(x));
        }

        return (outH, outW);
    }
}
