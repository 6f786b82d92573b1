using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    private enum BinaryKind
    {
        Add,
        Sub,
        Mul,
        Div,
    }

    /// <summary>a + b, broadcasting singleton dimensions (NumPy rules).</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast (message names both).</exception>
    public static Tensor Add(Tensor a, Tensor b) => Binary(BinaryKind.Add, "add", a, b);

    /// <summary>a - b with broadcasting.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => Binary(BinaryKind.Sub, "sub", a, b);

    /// <summary>a * b (element-wise) with broadcasting.</summary>
    public static Tensor Mul(Tensor a, Tensor b) => Binary(BinaryKind.Mul, "mul", a, b);

    /// <summary>a / b (element-wise) with broadcasting; IEEE rules for division by zero.</summary>
    public static Tensor Div(Tensor a, Tensor b) => Binary(BinaryKind.Div, "div", a, b);

    private static Tensor Binary(BinaryKind kind, string op, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var plan = BroadcastPlan.Create(op, a.ShapeRef, b.ShapeRef);
        var output = Tensor.Empty(plan.OutShape);
        BinaryForward(kind, plan, a.Data, b.Data, output.Data);
        if (!Autograd.ShouldRecord(a, b))
        {
            return output;
        }

        return Record(output, op, [a, b], g =>
        {
            var grad = g.Data;
            switch (kind)
            {
                case BinaryKind.Add:
                    AccumulateBroadcastGrad(plan, grad, a, b, 1f, 1f);
                    break;
                case BinaryKind.Sub:
                    AccumulateBroadcastGrad(plan, grad, a, b, 1f, -1f);
                    break;
                case BinaryKind.Mul:
                    if (a.RequiresGrad)
                    {
                        using var gb = Tensor.EmptyUntracked(plan.OutShape);
                        BinaryForward(BinaryKind.Mul, BroadcastPlan.Create(op, plan.OutShape, b.ShapeRef), grad, b.Data, gb.Data);
                        ReduceInto(plan, gb.Data, a, isA: true, 1f);
                    }

                    if (b.RequiresGrad)
                    {
                        using var ga = Tensor.EmptyUntracked(plan.OutShape);
                        BinaryForward(BinaryKind.Mul, BroadcastPlan.Create(op, plan.OutShape, a.ShapeRef), grad, a.Data, ga.Data);
                        ReduceInto(plan, ga.Data, b, isA: false, 1f);
                    }

                    break;
                case BinaryKind.Div:
                    using (var gOverB = Tensor.EmptyUntracked(plan.OutShape))
                    {
                        BinaryForward(BinaryKind.Div, BroadcastPlan.Create(op, plan.OutShape, b.ShapeRef), grad, b.Data, gOverB.Data);
                        if (a.RequiresGrad)
                        {
                            ReduceInto(plan, gOverB.Data, a, isA: true, 1f);
                        }

                        if (b.RequiresGrad)
                        {
                            // d(a/b)/db = -(a/b)/b, so the contribution is -(g/b) * out.
                            TensorPrimitives.Multiply(gOverB.Data, output.Data, gOverB.Data);
                            ReduceInto(plan, gOverB.Data, b, isA: false, -1f);
                        }
                    }

                    break;
            }
        });
    }

    private static void BinaryForward(BinaryKind kind, in BroadcastPlan plan, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> output)
    {
        var rows = plan.Rows();
        bool aScalar = plan.InnerABroadcast, bScalar = plan.InnerBBroadcast;
        while (rows.MoveNext())
        {
            var n = rows.Length;
            var dst = output.Slice(rows.OffsetOut, n);
            if (aScalar && bScalar)
            {
                dst.Fill(Apply(kind, a[rows.OffsetA], b[rows.OffsetB]));
                continue;
            }

            if (bScalar)
            {
                var x = a.Slice(rows.OffsetA, n);
                var y = b[rows.OffsetB];
                switch (kind)
                {
                    case BinaryKind.Add: TensorPrimitives.Add(x, y, dst); break;
                    case BinaryKind.Sub: TensorPrimitives.Subtract(x, y, dst); break;
                    case BinaryKind.Mul: TensorPrimitives.Multiply(x, y, dst); break;
                    default: TensorPrimitives.Divide(x, y, dst); break;
                }
            }
            else if (aScalar)
            {
                var x = a[rows.OffsetA];
                var y = b.Slice(rows.OffsetB, n);
                switch (kind)
                {
                    case BinaryKind.Add: TensorPrimitives.Add(y, x, dst); break;
                    case BinaryKind.Sub: TensorPrimitives.Subtract(x, y, dst); break;
                    case BinaryKind.Mul: TensorPrimitives.Multiply(y, x, dst); break;
                    default: TensorPrimitives.Divide(x, y, dst); break;
                }
            }
            else
            {
                var x = a.Slice(rows.OffsetA, n);
                var y = b.Slice(rows.OffsetB, n);
                switch (kind)
                {
                    case BinaryKind.Add: TensorPrimitives.Add(x, y, dst); break;
                    case BinaryKind.Sub: TensorPrimitives.Subtract(x, y, dst); break;
                    case BinaryKind.Mul: TensorPrimitives.Multiply(x, y, dst); break;
                    default: TensorPrimitives.Divide(x, y, dst); break;
                }
            }
        }
    }

    private static float Apply(BinaryKind kind, float x, float y) => kind switch
    {
        BinaryKind.Add => x + y,
        BinaryKind.Sub => x - y,
        BinaryKind.Mul => x * y,
        _ => x / y,
    };

    private static void AccumulateBroadcastGrad(in BroadcastPlan plan, ReadOnlySpan<float> grad, Tensor a, Tensor b, float scaleA, float scaleB)
    {
        if (a.RequiresGrad)
        {
            ReduceInto(plan, grad, a, isA: true, scaleA);
        }

        if (b.RequiresGrad)
        {
            ReduceInto(plan, grad, b, isA: false, scaleB);
        }
    }

    /// <summary>target.grad += scale * (full summed over the dimensions along which target was broadcast).</summary>
    private static void ReduceInto(in BroadcastPlan plan, ReadOnlySpan<float> full, Tensor target, bool isA, float scale)
    {
        if (target.Length == full.Length)
        {
            var dst = target.GradSpanForFullWrite(out var overwrite);
            if (overwrite)
            {
                TensorPrimitives.Multiply(full, scale, dst);
            }
            else if (scale == 1f)
            {
                TensorPrimitives.Add(dst, full, dst);
            }
            else
            {
                TensorPrimitives.MultiplyAdd(full, scale, dst, dst);
            }

            return;
        }

        var grad = target.GradSpan();

        var rows = plan.Rows();
        var innerBroadcast = isA ? plan.InnerABroadcast : plan.InnerBBroadcast;
        while (rows.MoveNext())
        {
            var n = rows.Length;
            var src = full.Slice(rows.OffsetOut, n);
            var offset = isA ? rows.OffsetA : rows.OffsetB;
            if (innerBroadcast)
            {
                grad[offset] += scale * TensorPrimitives.Sum(src);
            }
            else
            {
                var dst = grad.Slice(offset, n);
                TensorPrimitives.MultiplyAdd(src, scale, dst, dst);
            }
        }
    }
}
