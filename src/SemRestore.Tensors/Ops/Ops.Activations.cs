using System.Numerics;
using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>max(x, 0); gradient 1 for x &gt; 0, else 0.</summary>
    public static Tensor Relu(Tensor x) => LeakyRelu(x, 0f, "relu");

    /// <summary>x for x &gt; 0, slope * x otherwise; gradient 1 or slope (slope at x = 0, as in PyTorch).</summary>
    public static Tensor LeakyRelu(Tensor x, float slope = 0.01f) => LeakyRelu(x, slope, "leaky_relu");

    /// <summary>Leaky ReLU overwriting <paramref name="x"/> (inference only: saves one activation buffer).</summary>
    /// <exception cref="InvalidOperationException">Grad mode is on and x requires grad (the tape would be wrong).</exception>
    public static Tensor LeakyReluInPlace(Tensor x, float slope)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (Autograd.ShouldRecord(x))
        {
            throw new InvalidOperationException($"leaky_relu_: in-place on {x.ShapeString} while recording gradients; use LeakyRelu or Autograd.NoGrad().");
        }

        ParallelChunks(x.Length, (start, length) => LeakyForward(x.Data.Slice(start, length), slope, x.Data.Slice(start, length)));
        return x;
    }

    private static Tensor LeakyRelu(Tensor x, float slope, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        var output = Tensor.Empty(x.ShapeRef);
        ParallelChunks(x.Length, (start, length) => LeakyForward(x.Data.Slice(start, length), slope, output.Data.Slice(start, length)));
        if (!Autograd.ShouldRecord(x))
        {
            return output;
        }

        return Record(output, op, [x], g =>
        {
            x.GradSpanForFullWrite(out var overwrite); // allocate before the parallel chunks write into it
            ParallelChunks(x.Length, (start, length) =>
                LeakyBackward(x.Data.Slice(start, length), g.Data.Slice(start, length), slope, x.Grad!.Data.Slice(start, length), overwrite));
        });
    }

    private static void LeakyForward(ReadOnlySpan<float> x, float slope, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vs = new Vector<float>(slope);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v, v * vs).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] = x[i] > 0 ? x[i] : x[i] * slope;
        }
    }

    /// <summary>dx += g where x &gt; 0, dx += slope * g elsewhere (dx = ... when <paramref name="overwrite"/>,
    /// for a freshly rented gradient buffer).</summary>
    private static void LeakyBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> g, float slope, Span<float> dx, bool overwrite)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vs = new Vector<float>(slope);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x[i..]);
                var vg = new Vector<float>(g[i..]);
                var local = Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), vg, vg * vs);
                (overwrite ? local : new Vector<float>(dx[i..]) + local).CopyTo(dx[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            var local = x[i] > 0 ? g[i] : g[i] * slope;
            dx[i] = overwrite ? local : dx[i] + local;
        }
    }

    /// <summary>
    /// PReLU: x for x &gt; 0, a_c * x otherwise, with one learnable slope per channel (axis 1) or a single
    /// shared slope (weight of length 1). x is (N, C, ...) with rank &gt;= 2, weight has C or 1 elements.
    /// </summary>
    /// <exception cref="ArgumentException">weight length is neither 1 nor C.</exception>
    public static Tensor Prelu(Tensor x, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        var channels = x.Rank >= 2 ? x.Dim(1) : 1;
        if (weight.Length != 1 && weight.Length != channels)
        {
            throw new ArgumentException($"prelu: weight {weight.ShapeString} must have 1 or {channels} (channels of input {x.ShapeString}) elements.", nameof(weight));
        }

        var batch = x.Rank >= 1 ? x.Dim(0) : 1;
        if (x.Rank < 2)
        {
            batch = 1;
        }

        var plane = x.Length / (batch * channels);
        var output = Tensor.Empty(x.ShapeRef);
        var planes = batch * channels;
        ParallelFor(planes, plane, p =>
        {
            var c = p % channels;
            var slope = weight.Data[weight.Length == 1 ? 0 : c];
            LeakyForward(x.Data.Slice(p * plane, plane), slope, output.Data.Slice(p * plane, plane));
        });

        if (!Autograd.ShouldRecord(x, weight))
        {
            return output;
        }

        return Record(output, "prelu", [x, weight], g =>
        {
            if (x.RequiresGrad)
            {
                x.GradSpanForFullWrite(out var overwrite);
                ParallelFor(planes, plane, p =>
                {
                    var slope = weight.Data[weight.Length == 1 ? 0 : p % channels];
                    LeakyBackward(x.Data.Slice(p * plane, plane), g.Data.Slice(p * plane, plane), slope, x.Grad!.Data.Slice(p * plane, plane), overwrite);
                });
            }

            if (weight.RequiresGrad)
            {
                // d/da = sum over x <= 0 of g * x, per channel; accumulated per plane in double, then in
                // plane order so the result does not depend on thread count.
                var perPlane = new double[planes];
                ParallelFor(planes, plane, p =>
                {
                    // sum over x <= 0 of x * g = dot(min(x, 0), g): branch-free SIMD per 4096-element block,
                    // blocks summed in double.
                    var xs = x.Data.Slice(p * plane, plane);
                    var gs = g.Data.Slice(p * plane, plane);
                    Span<float> negative = stackalloc float[4096];
                    double sum = 0;
                    for (var start = 0; start < xs.Length; start += negative.Length)
                    {
                        var n = Math.Min(negative.Length, xs.Length - start);
                        TensorPrimitives.Min(xs.Slice(start, n), 0f, negative[..n]);
                        sum += TensorPrimitives.Dot(negative[..n], gs.Slice(start, n));
                    }

                    perPlane[p] = sum;
                });
                var dw = weight.GradSpan();
                for (var p = 0; p < planes; p++)
                {
                    dw[weight.Length == 1 ? 0 : p % channels] += (float)perPlane[p];
                }
            }
        });
    }

    /// <summary>Splits [0, length) into contiguous chunks processed in parallel when the tensor is large.</summary>
    private static void ParallelChunks(int length, Action<int, int> body)
    {
        const int chunk = 1 << 16;
        if (length <= 4 * chunk)
        {
            body(0, length);
            return;
        }

        var count = (length + chunk - 1) / chunk;
        Parallel.For(0, count, i =>
        {
            var start = i * chunk;
            body(start, Math.Min(chunk, length - start));
        });
    }
}
