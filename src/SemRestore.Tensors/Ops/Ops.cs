
namespace SemRestore.Tensors;

/// <summary>
/// Differentiable tensor operations. Each op validates its inputs (naming the op and the shapes on
/// error), computes its output into a pooled tensor and, when grad mode is on and an input requires a
/// gradient, records a backward function that accumulates into the inputs' gradients.
/// </summary>
/// <remarks>One partial file per op family; forward and backward side by side.</remarks>
public static partial class Ops
{
    private static Tensor Record(Tensor output, string op, Tensor[] inputs, Action<Tensor> backward) =>
        Autograd.Record(output, op, inputs, backward);

    private static void RequireRank(string op, Tensor t, int rank, string what = "input")
    {
        ArgumentNullException.ThrowIfNull(t, what);
        if (t.Rank != rank)
        {
            throw new ArgumentException($"{op}: {what} must have rank {rank}{(rank == 4 ? " (N, C, H, W)" : string.Empty)}, got shape {t.ShapeString}.", what);
        }
    }

    private static void RequireSameShape(string op, Tensor a, Tensor b)
    {
        if (!a.SameShape(b))
        {
            throw new ArgumentException($"{op}: shapes {a.ShapeString} and {b.ShapeString} must be equal.");
        }
    }

    /// <summary>Runs <paramref name="body"/> over [0, count) in parallel when the work is large enough.</summary>
    private static void ParallelFor(int count, long workPerItem, Action<int> body)
    {
        if (count <= 1 || count * workPerItem < 32_768)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
        }
        else
        {
            Parallel.For(0, count, body);
        }
    }
}
