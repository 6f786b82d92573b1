using System.Numerics.Tensors;
using SemRestore.Tensors.Kernels;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Batched matrix product through <see cref="ComputeKernels.Current"/>.Sgemm: a (..., M, K) times
    /// b (..., K, N) gives (..., M, N). Leading (batch) dimensions must be equal, or b may be rank 2 and is
    /// then shared by every batch entry.
    /// </summary>
    /// <exception cref="ArgumentException">Rank below 2, inner sizes differ, or batch dimensions differ.</exception>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank < 2 || b.Rank < 2)
        {
            throw new ArgumentException($"matmul: both operands need rank >= 2, got {a.ShapeString} and {b.ShapeString}.");
        }

        int m = a.Dim(-2), k = a.Dim(-1), n = b.Dim(-1);
        if (b.Dim(-2) != k)
        {
            throw new ArgumentException($"matmul: inner sizes differ: {a.ShapeString} x {b.ShapeString} ({k} vs {b.Dim(-2)}).");
        }

        var sharedB = b.Rank == 2;
        if (!sharedB && !a.ShapeRef.AsSpan(0, a.Rank - 2).SequenceEqual(b.ShapeRef.AsSpan(0, b.Rank - 2)))
        {
            throw new ArgumentException($"matmul: batch dimensions differ: {a.ShapeString} x {b.ShapeString}.");
        }

        var batch = a.Length / (m * k);
        var shape = a.Shape;
        shape[^1] = n;
        var output = Tensor.Empty(shape);
        var kernels = ComputeKernels.Current;
        for (var i = 0; i < batch; i++)
        {
            kernels.Sgemm(false, false, m, n, k, 1f, a.Data.Slice(i * m * k, m * k),
                sharedB ? b.Data : b.Data.Slice(i * k * n, k * n), 0f, output.Data.Slice(i * m * n, m * n));
        }

        return Record(output, "matmul", [a, b], g =>
        {
            var kern = ComputeKernels.Current;
            if (a.RequiresGrad)
            {
                var da = a.GradSpan();
                for (var i = 0; i < batch; i++)
                {
                    // dA += G * B^T
                    kern.Sgemm(false, true, m, k, n, 1f, g.Data.Slice(i * m * n, m * n),
                        sharedB ? b.Data : b.Data.Slice(i * k * n, k * n), 1f, da.Slice(i * m * k, m * k));
                }
            }

            if (b.RequiresGrad)
            {
                var db = b.GradSpan();
                for (var i = 0; i < batch; i++)
                {
                    // dB += A^T * G (summed over the batch when B is shared)
                    kern.Sgemm(true, false, k, n, m, 1f, a.Data.Slice(i * m * k, m * k), g.Data.Slice(i * m * n, m * n),
                        1f, sharedB ? db : db.Slice(i * k * n, k * n));
                }
            }
        });
    }

    /// <summary>Softmax along <paramref name="axis"/>: exp(x - max) / sum exp(x - max); gradient
    /// y * (g - sum(g * y)).</summary>
    public static Tensor Softmax(Tensor x, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var a = x.NormalizeAxis(axis);
        var size = x.ShapeRef[a];
        var inner = 1;
        for (var i = a + 1; i < x.Rank; i++)
        {
            inner *= x.ShapeRef[i];
        }

        var outer = x.Length / (size * inner);
        var output = Tensor.Empty(x.ShapeRef);
        ParallelFor(outer, (long)size * inner, o =>
        {
            var src = x.Data.Slice(o * size * inner, size * inner);
            var dst = output.Data.Slice(o * size * inner, size * inner);
            if (inner == 1)
            {
                TensorPrimitives.SoftMax(src, dst);
                return;
            }

            for (var j = 0; j < inner; j++)
            {
                var max = float.NegativeInfinity;
                for (var i = 0; i < size; i++)
                {
                    max = Math.Max(max, src[i * inner + j]);
                }

                double sum = 0;
                for (var i = 0; i < size; i++)
                {
                    var e = MathF.Exp(src[i * inner + j] - max);
                    dst[i * inner + j] = e;
                    sum += e;
                }

                var inv = (float)(1.0 / sum);
                for (var i = 0; i < size; i++)
                {
                    dst[i * inner + j] *= inv;
                }
            }
        });

        return Record(output, "softmax", [x], g =>
        {
            x.GradSpan();
            ParallelFor(outer, (long)size * inner, o =>
            {
                var y = output.Data.Slice(o * size * inner, size * inner);
                var gs = g.Data.Slice(o * size * inner, size * inner);
                var dx = x.Grad!.Data.Slice(o * size * inner, size * inner);
                for (var j = 0; j < inner; j++)
                {
                    double dot = 0;
                    for (var i = 0; i < size; i++)
                    {
                        dot += (double)gs[i * inner + j] * y[i * inner + j];
                    }

                    for (var i = 0; i < size; i++)
                    {
                        dx[i * inner + j] += (float)(y[i * inner + j] * (gs[i * inner + j] - dot));
                    }
                }
            });
        });
    }
}
