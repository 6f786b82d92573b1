namespace SemRestore.Tensors.Nn;

/// <summary>A learnable tensor owned by a <see cref="Module"/>: requires grad, never tracked by a
/// <see cref="TensorScope"/>, updated in place by optimizers.</summary>
public sealed class Parameter : Tensor
{
    /// <summary>A zero-filled parameter of the given shape.</summary>
    public Parameter(params int[] shape)
        : base(shape)
    {
        RequiresGrad = true;
    }

    /// <summary>A parameter holding a copy of <paramref name="initial"/>.</summary>
    public Parameter(Tensor initial)
        : base(initial?.Shape ?? throw new ArgumentNullException(nameof(initial)))
    {
        initial.Data.CopyTo(Data);
        RequiresGrad = true;
    }
}
