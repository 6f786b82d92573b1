using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Layer norm over the channel axis at every pixel (NAFNet's LayerNorm2d): for each (n, h, w),
    /// <c>y = (x - mean_c x) / sqrt(var_c x + eps) * weight[c] + bias[c]</c> with the biased variance.
    /// x is (N, C, H, W); weight and bias are (C).
    /// </summary>
    public static Tensor LayerNorm2d(Tensor x, Tensor weight, Tensor bias, float eps = 1e-6f)
    {
        RequireRank("layer_norm2d", x, 4, nameof(x));
        int n = x.Dim(0), c = x.Dim(1), plane = x.Dim(2) * x.Dim(3);
        RequireChannelVector("layer_norm2d", weight, c, x, nameof(weight));
        RequireChannelVector("layer_norm2d", bias, c, x, nameof(bias));
        var output = Tensor.Empty(x.ShapeRef);
        var xhat = new float[x.Length];
        var invStd = new float[n * plane];
        ParallelFor(n, (long)c * plane, b =>
        {
            var src = x.Data.Slice(b * c * plane, c * plane);
            var dst = output.Data.Slice(b * c * plane, c * plane);
            var xh = xhat.AsSpan(b * c * plane, c * plane);
            var mean = new double[plane];
            var variance = new double[plane];
            for (var ch = 0; ch < c; ch++)
            {
                var row = src.Slice(ch * plane, plane);
                for (var i = 0; i < plane; i++)
                {
                    mean[i] += row[i];
                }
            }

            for (var i = 0; i < plane; i++)
            {
                mean[i] /= c;
            }

            for (var ch = 0; ch < c; ch++)
            {
                var row = src.Slice(ch * plane, plane);
                for (var i = 0; i < plane; i++)
                {
                    var d = row[i] - mean[i];
                    variance[i] += d * d;
                }
            }

            var inv = invStd.AsSpan(b * plane, plane);
            for (var i = 0; i < plane; i++)
            {
                inv[i] = (float)(1.0 / Math.Sqrt(variance[i] / c + eps));
            }

            for (var ch = 0; ch < c; ch++)
            {
                var row = src.Slice(ch * plane, plane);
                var xr = xh.Slice(ch * plane, plane);
                for (var i = 0; i < plane; i++)
                {
                    xr[i] = (float)((row[i] - mean[i]) * inv[i]);
                }

                ScaleShift(xr, weight.Data[ch], bias.Data[ch], dst.Slice(ch * plane, plane));
            }
        });

        return Record(output, "layer_norm2d", [x, weight, bias], g =>
        {
            if (weight.RequiresGrad || bias.RequiresGrad)
            {
                var dw = weight.RequiresGrad ? weight.GradSpan() : default;
                var db = bias.RequiresGrad ? bias.GradSpan() : default;
                for (var ch = 0; ch < c; ch++)
                {
                    double sw = 0, sb = 0;
                    for (var b = 0; b < n; b++)
                    {
                        var gs = g.Data.Slice((b * c + ch) * plane, plane);
                        sw += TensorPrimitives.Dot(gs, xhat.AsSpan((b * c + ch) * plane, plane));
                        sb += SumDouble(gs);
                    }

                    if (weight.RequiresGrad)
                    {
                        dw[ch] += (float)sw;
                    }

                    if (bias.RequiresGrad)
                    {
                        db[ch] += (float)sb;
                    }
                }
            }

            if (!x.RequiresGrad)
            {
                return;
            }

            x.GradSpan();
            ParallelFor(n, (long)c * plane, b =>
            {
                // dx = invStd * (dxhat - mean_c(dxhat) - xhat * mean_c(dxhat * xhat)), dxhat = g * weight.
                var meanG = new double[plane];
                var meanGx = new double[plane];
                for (var ch = 0; ch < c; ch++)
                {
                    var gs = g.Data.Slice((b * c + ch) * plane, plane);
                    var xr = xhat.AsSpan((b * c + ch) * plane, plane);
                    var wc = weight.Data[ch];
                    for (var i = 0; i < plane; i++)
                    {
                        var dxh = gs[i] * wc;
                        meanG[i] += dxh;
                        meanGx[i] += dxh * xr[i];
                    }
                }

                var inv = invStd.AsSpan(b * plane, plane);
                for (var ch = 0; ch < c; ch++)
                {
                    var gs = g.Data.Slice((b * c + ch) * plane, plane);
                    var xr = xhat.AsSpan((b * c + ch) * plane, plane);
                    var dx = x.Grad!.Data.Slice((b * c + ch) * plane, plane);
                    var wc = weight.Data[ch];
                    for (var i = 0; i < plane; i++)
                    {
                        dx[i] += (float)(inv[i] * (gs[i] * wc - meanG[i] / c - xr[i] * meanGx[i] / c));
                    }
                }
            });
        });
    }

    /// <summary>
    /// Batch norm over (N, H, W) per channel. Training: normalises with the batch mean and biased
    /// variance and updates the running statistics in place with
    /// <c>running = (1 - momentum) * running + momentum * batch</c> (unbiased variance, as PyTorch).
    /// Evaluation: uses the running statistics. weight/bias may be null (affine false).
    /// </summary>
    public static Tensor BatchNorm2d(Tensor x, Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum = 0.1f, float eps = 1e-5f)
    {
        RequireRank("batch_norm2d", x, 4, nameof(x));
        int n = x.Dim(0), c = x.Dim(1), plane = x.Dim(2) * x.Dim(3);
        RequireChannelVector("batch_norm2d", runningMean, c, x, nameof(runningMean));
        RequireChannelVector("batch_norm2d", runningVar, c, x, nameof(runningVar));
        if (weight is not null)
        {
            RequireChannelVector("batch_norm2d", weight, c, x, nameof(weight));
        }

        if (bias is not null)
        {
            RequireChannelVector("batch_norm2d", bias, c, x, nameof(bias));
        }

        var count = n * plane;
        if (training && count <= 1)
        {
            throw new ArgumentException($"batch_norm2d: training needs more than one value per channel, got input {x.ShapeString}.", nameof(x));
        }

        var mean = new float[c];
        var invStd = new float[c];
        ParallelFor(c, count, ch =>
        {
            if (training)
            {
                double s = 0;
                for (var b = 0; b < n; b++)
                {
                    s += SumDouble(x.Data.Slice((b * c + ch) * plane, plane));
                }

                var m = s / count;
                double v = 0;
                for (var b = 0; b < n; b++)
                {
                    foreach (var value in x.Data.Slice((b * c + ch) * plane, plane))
                    {
                        v += (value - m) * (value - m);
                    }
                }

                mean[ch] = (float)m;
                invStd[ch] = (float)(1.0 / Math.Sqrt(v / count + eps));
                runningMean.Data[ch] = (float)((1 - momentum) * runningMean.Data[ch] + momentum * m);
                runningVar.Data[ch] = (float)((1 - momentum) * runningVar.Data[ch] + momentum * v / (count - 1));
            }
            else
            {
                mean[ch] = runningMean.Data[ch];
                invStd[ch] = (float)(1.0 / Math.Sqrt(runningVar.Data[ch] + eps));
            }
        });

        var output = Tensor.Empty(x.ShapeRef);
        for (var b = 0; b < n; b++)
        {
            for (var ch = 0; ch < c; ch++)
            {
                var scale = invStd[ch] * (weight?.Data[ch] ?? 1f);
                var shift = (bias?.Data[ch] ?? 0f) - mean[ch] * scale;
                ScaleShift(x.Data.Slice((b * c + ch) * plane, plane), scale, shift, output.Data.Slice((b * c + ch) * plane, plane));
            }
        }

        Tensor[] inputs = [x, .. weight is null ? Array.Empty<Tensor>() : [weight], .. bias is null ? Array.Empty<Tensor>() : [bias]];
        return Record(output, "batch_norm2d", inputs, g =>
        {
            // Allocate the gradient buffers before the parallel loop; each channel then writes only its own entries.
            var dw = weight is not null && weight.RequiresGrad ? weight.GradSpan().Length : 0;
            var db = bias is not null && bias.RequiresGrad ? bias.GradSpan().Length : 0;
            if (x.RequiresGrad)
            {
                x.GradSpan();
            }

            ParallelFor(c, count, ch =>
            {
                double sumG = 0, sumGx = 0;
                for (var b = 0; b < n; b++)
                {
                    var gs = g.Data.Slice((b * c + ch) * plane, plane);
                    var xs = x.Data.Slice((b * c + ch) * plane, plane);
                    for (var i = 0; i < plane; i++)
                    {
                        sumG += gs[i];
                        sumGx += gs[i] * (double)((xs[i] - mean[ch]) * invStd[ch]);
                    }
                }

                if (dw > 0)
                {
                    weight!.Grad!.Data[ch] += (float)sumGx;
                }

                if (db > 0)
                {
                    bias!.Grad!.Data[ch] += (float)sumG;
                }

                if (!x.RequiresGrad)
                {
                    return;
                }

                var wc = weight?.Data[ch] ?? 1f;
                double scale = invStd[ch] * wc;
                for (var b = 0; b < n; b++)
                {
                    var gs = g.Data.Slice((b * c + ch) * plane, plane);
                    var xs = x.Data.Slice((b * c + ch) * plane, plane);
                    var dx = x.Grad!.Data.Slice((b * c + ch) * plane, plane);
                    for (var i = 0; i < plane; i++)
                    {
                        if (training)
                        {
                            var xh = (xs[i] - mean[ch]) * invStd[ch];
                            dx[i] += (float)(scale * (gs[i] - sumG / count - xh * sumGx / count));
                        }
                        else
                        {
                            dx[i] += (float)(scale * gs[i]);
                        }
                    }
                }
            });
        });
    }

    /// <summary>Inverted dropout: zeroes each element with probability p and scales the rest by 1/(1-p),
    /// drawing from <paramref name="random"/>; identity when not training or p = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside [0, 1).</exception>
    public static Tensor Dropout(Tensor x, float p, bool training, Random random)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        if (!(p >= 0f && p < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "dropout: probability must be in [0, 1).");
        }

        if (!training || p == 0f)
        {
            return Mul(x, 1f);
        }

        var keep = 1f / (1f - p);
        var mask = new float[x.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextDouble() < p ? 0f : keep;
        }

        var output = Tensor.Empty(x.ShapeRef);
        TensorPrimitives.Multiply(x.Data, mask, output.Data);
        return Record(output, "dropout", [x], g =>
        {
            var dx = x.GradSpan();
            TensorPrimitives.FusedMultiplyAdd(g.Data, mask, dx, dx);
        });
    }

    /// <summary>dst = src * scale + shift.</summary>
    private static void ScaleShift(ReadOnlySpan<float> src, float scale, float shift, Span<float> dst)
    {
        TensorPrimitives.Multiply(src, scale, dst);
        TensorPrimitives.Add(dst, shift, dst);
    }

    private static void RequireChannelVector(string op, Tensor t, int channels, Tensor x, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.Length != channels)
        {
            throw new ArgumentException($"{op}: {name} {t.ShapeString} must have {channels} elements (channels of input {x.ShapeString}).", name);
        }
    }
}
