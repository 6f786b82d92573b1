namespace SemRestore.Tensors.Nn;

/// <summary>Max pooling (stride defaults to the kernel size).</summary>
public sealed class MaxPool2d(int kernelSize, int? stride = null, int padding = 0) : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.MaxPool2d(input, kernelSize, stride, padding);
}
