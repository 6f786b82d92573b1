namespace SemRestore.Tensors;

/// <summary>
/// Define-by-run reverse-mode automatic differentiation: ops record a <see cref="GradNode"/> on their
/// output while grad mode is on; <see cref="Tensor.Backward(bool)"/> walks the recorded graph in reverse
/// topological order and accumulates gradients into leaves that require them.
/// </summary>
/// <remarks>Grad mode is per thread. Gradients of non-leaf tensors are returned to the pool as soon as they
/// have been propagated (unless <see cref="Tensor.RetainGrad"/>); with retainGraph false the graph is cut
/// after the pass so the saved activations can be reclaimed.</remarks>
public static class Autograd
{
    [ThreadStatic]
    private static int t_noGradDepth;

    /// <summary>True when ops record the tape on this thread (no <see cref="NoGrad"/> scope active).</summary>
    public static bool IsEnabled => t_noGradDepth == 0;

    /// <summary>Disables recording on this thread until the returned scope is disposed (nestable).
    /// Use for inference and for optimizer updates.</summary>
    public static NoGradScope NoGrad()
    {
        t_noGradDepth++;
        return new NoGradScope();
    }

    internal static void ExitNoGrad() => t_noGradDepth--;

    /// <summary>True when an op on these inputs must record a node.</summary>
    internal static bool ShouldRecord(Tensor a) => IsEnabled && a.RequiresGrad;

    internal static bool ShouldRecord(Tensor a, Tensor b) => IsEnabled && (a.RequiresGrad || b.RequiresGrad);

    internal static bool ShouldRecord(ReadOnlySpan<Tensor> inputs)
    {
        if (!IsEnabled)
        {
            return false;
        }

        foreach (var t in inputs)
        {
            if (t is not null && t.RequiresGrad)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Attaches a backward function to <paramref name="output"/> when recording is needed.
    /// Returns the output for chaining.</summary>
    internal static Tensor Record(Tensor output, string opName, Tensor[] inputs, Action<Tensor> backward)
    {
        if (!ShouldRecord(inputs))
        {
            return output;
        }

        output.Node = new GradNode(opName, inputs, backward);
        output.MarkRequiresGradFromOp();
        return output;
    }

    internal static void RunBackward(Tensor root, Tensor seed, bool retainGraph)
    {
        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException($"Backward: tensor {root.ShapeString} does not require grad (no input of the graph requires grad, or it was computed under NoGrad).");
        }

        var order = TopologicalOrder(root);
        seed.Data.CopyTo(root.GradSpan());
        using (NoGrad())
        {
            for (var i = order.Count - 1; i >= 0; i--)
            {
                var t = order[i];
                var node = t.Node!;
                if (t.Grad is null)
                {
                    continue;
                }

                node.Backward(t.Grad);
                if (!t.RetainsGrad)
                {
                    t.ZeroGrad();
                }

                if (!retainGraph)
                {
                    t.Node = null;
                }
            }
        }
    }

    /// <summary>Non-leaf tensors reachable from root, parents before children (iterative DFS, so deep graphs
    /// do not overflow the stack).</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, int NextInput)>();
        if (root.Node is null)
        {
            return order;
        }

        stack.Push((root, 0));
        visited.Add(root);
        while (stack.Count > 0)
        {
            var (t, next) = stack.Pop();
            var inputs = t.Node!.Inputs;
            if (next < inputs.Length)
            {
                stack.Push((t, next + 1));
                var child = inputs[next];
                if (child is not null && child.Node is not null && child.RequiresGrad && visited.Add(child))
                {
                    stack.Push((child, 0));
                }
            }
            else
            {
                order.Add(t);
            }
        }

        // Post-order: every tensor appears after the inputs it consumed, the root last, so walking from
        // the end visits each tensor before the inputs its gradient flows into.
        return order;
    }
}
