namespace SemRestore.Tensors.Nn;

/// <summary>A non-learnable tensor that belongs to a module's state dict (e.g. batch-norm running
/// statistics): no gradient, never tracked by a <see cref="TensorScope"/>.</summary>
public sealed class Buffer : Tensor
{
    /// <summary>A buffer of the given shape filled with <paramref name="value"/>.</summary>
    public Buffer(float value, params int[] shape)
        : base(shape)
    {
        Data.Fill(value);
    }
}
