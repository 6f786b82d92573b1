namespace SemRestore.Tensors;

/// <summary>Returned by <see cref="Autograd.NoGrad"/>; disposing it re-enables recording.</summary>
public sealed class NoGradScope : IDisposable
{
    private bool _disposed;

    internal NoGradScope()
    {
    }

    /// <summary>Leaves the no-grad region.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Autograd.ExitNoGrad();
        }
    }
}
