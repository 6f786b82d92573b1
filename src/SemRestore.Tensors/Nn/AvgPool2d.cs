namespace SemRestore.Tensors.Nn;

/// <summary>Average pooling (count_include_pad true, stride defaults to the kernel size).</summary>
public sealed class AvgPool2d(int kernelSize, int? stride = null, int padding = 0) : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.AvgPool2d(input, kernelSize, stride, padding);
}
