using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>Sum of all elements as a rank-0 tensor (accumulated in double).</summary>
    public static Tensor Sum(Tensor x) => ReduceAll(x, mean: false);

    /// <summary>Mean of all elements as a rank-0 tensor (accumulated in double).</summary>
    public static Tensor Mean(Tensor x) => ReduceAll(x, mean: true);

    /// <summary>Sum over <paramref name="axes"/> (negative allowed); reduced axes are kept as size 1 when
    /// <paramref name="keepDims"/>, removed otherwise.</summary>
    /// <exception cref="ArgumentException">An axis is out of range or repeated.</exception>
    public static Tensor Sum(Tensor x, int[] axes, bool keepDims = false) => ReduceAxes(x, axes, keepDims, mean: false);

    /// <summary>Mean over <paramref name="axes"/>; see <see cref="Sum(Tensor, int[], bool)"/>.</summary>
    public static Tensor Mean(Tensor x, int[] axes, bool keepDims = false) => ReduceAxes(x, axes, keepDims, mean: true);

    private static Tensor ReduceAll(Tensor x, bool mean)
    {
        ArgumentNullException.ThrowIfNull(x);
        var sum = SumDouble(x.Data);
        var scale = mean ? 1.0 / x.Length : 1.0;
        var output = Tensor.Full((float)(sum * scale));
        return Record(output, mean ? "mean" : "sum", [x], g =>
        {
            var dx = x.GradSpan();
            TensorPrimitives.Add(dx, (float)(g.Data[0] * scale), dx);
        });
    }

    /// <summary>Deterministic double-precision sum (fixed 4096-element blocks summed in order).</summary>
    internal static double SumDouble(ReadOnlySpan<float> data)
    {
        double total = 0;
        for (var start = 0; start < data.Length; start += 4096)
        {
            var block = data.Slice(start, Math.Min(4096, data.Length - start));
            double partial = 0;
            foreach (var v in block)
            {
                partial += v;
            }

            total += partial;
        }

        return total;
    }

    private static Tensor ReduceAxes(Tensor x, int[] axes, bool keepDims, bool mean)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(axes);
        var op = mean ? "mean" : "sum";
        var reduced = new bool[x.Rank];
        foreach (var axis in axes)
        {
            var a = x.NormalizeAxis(axis);
            if (reduced[a])
            {
                throw new ArgumentException($"{op}: axis {axis} is repeated in [{string.Join(", ", axes)}] for shape {x.ShapeString}.", nameof(axes));
            }

            reduced[a] = true;
        }

        var keptShape = new int[x.Rank];
        var count = 1;
        for (var i = 0; i < x.Rank; i++)
        {
            keptShape[i] = reduced[i] ? 1 : x.ShapeRef[i];
            count *= reduced[i] ? x.ShapeRef[i] : 1;
        }

        var outShape = keepDims ? keptShape : keptShape.Where((_, i) => !reduced[i]).ToArray();
        var output = Tensor.Empty(outShape);
        var accumulator = new double[output.Length];
        var plan = BroadcastPlan.Create(op, x.ShapeRef, keptShape);
        var rows = plan.Rows();
        var data = x.Data;
        var innerReduced = plan.InnerBBroadcast;
        while (rows.MoveNext())
        {
            var row = data.Slice(rows.OffsetOut, rows.Length);
            if (innerReduced)
            {
                double s = 0;
                foreach (var v in row)
                {
                    s += v;
                }

                accumulator[rows.OffsetB] += s;
            }
            else
            {
                for (var i = 0; i < row.Length; i++)
                {
                    accumulator[rows.OffsetB + i] += row[i];
                }
            }
        }

        var scale = mean ? 1.0 / count : 1.0;
        var o = output.Data;
        for (var i = 0; i < o.Length; i++)
        {
            o[i] = (float)(accumulator[i] * scale);
        }

        return Record(output, op, [x], g =>
        {
            var dx = x.GradSpan();
            using var scaled = Tensor.EmptyUntracked(keptShape);
            TensorPrimitives.Multiply(g.Data, (float)scale, scaled.Data);
            BinaryForward(BinaryKind.Add, plan, dx, scaled.Data, dx);
        });
    }
}
