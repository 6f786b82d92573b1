namespace SemRestore.Tensors;

/// <summary>A pooled float buffer shared by a tensor and its reshaped views, reference counted so the
/// buffer goes back to <see cref="TensorPool"/> only when the last user is disposed.</summary>
internal sealed class TensorStorage
{
    private float[]? _array;
    private int _references = 1;

    public TensorStorage(float[] array) => _array = array;

    public float[] Array => _array ?? throw new ObjectDisposedException(nameof(Tensor), "The tensor was disposed; its storage went back to the pool.");

    public bool IsAlive => _array is not null;

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            var array = Interlocked.Exchange(ref _array, null);
            if (array is not null)
            {
                TensorPool.Return(array);
            }
        }
    }
}
