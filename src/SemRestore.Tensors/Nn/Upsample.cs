namespace SemRestore.Tensors.Nn;

/// <summary>Upsampling by an integer factor (torch.nn.Upsample(scale_factor, mode)).</summary>
public sealed class Upsample(int scaleFactor, UpsampleMode mode = UpsampleMode.Nearest) : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => mode == UpsampleMode.Nearest
        ? Ops.UpsampleNearest(input, scaleFactor)
        : Ops.UpsampleBilinear(input, scaleFactor);
}
