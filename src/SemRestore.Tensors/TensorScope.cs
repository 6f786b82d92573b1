namespace SemRestore.Tensors;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost active scope and disposes
/// them when the scope ends (their buffers go back to <see cref="TensorPool"/>), except those passed to
/// <see cref="Keep"/>. Parameters, gradients and optimizer state are never tracked.
/// </summary>
/// <example>
/// <code>
/// using (new TensorScope())
/// {
///     var loss = Ops.Mean(Ops.Square(Ops.Sub(model.Forward(x), y)));
///     loss.Backward();
///     optimizer.Step();
///     lossValue = loss.Item();
/// } // every intermediate of the step is recycled here
/// </code>
/// </example>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? t_current;

    private readonly TensorScope? _outer;
    private readonly List<Tensor> _tensors = [];
    private readonly HashSet<Tensor> _kept = new(ReferenceEqualityComparer.Instance);
    private bool _disposed;

    /// <summary>Starts a scope on the current thread (nested inside any active one).</summary>
    public TensorScope()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>Number of tensors tracked so far.</summary>
    public int Count => _tensors.Count;

    /// <summary>Excludes <paramref name="tensor"/> from disposal; it moves to the enclosing scope if any.</summary>
    public Tensor Keep(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        _kept.Add(tensor);
        _outer?._tensors.Add(tensor);
        return tensor;
    }

    internal static void Track(Tensor tensor) => t_current?._tensors.Add(tensor);

    /// <summary>Disposes every tracked tensor that was not kept and restores the enclosing scope.</summary>
    /// <exception cref="InvalidOperationException">Scopes were disposed out of order.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (!ReferenceEquals(t_current, this))
        {
            throw new InvalidOperationException("TensorScope disposed out of order (an inner scope is still active) or on another thread.");
        }

        _disposed = true;
        t_current = _outer;
        foreach (var t in _tensors)
        {
            if (!_kept.Contains(t))
            {
                t.Dispose();
            }
        }

        _tensors.Clear();
    }
}
