namespace SemRestore.Tensors.Nn;

/// <summary>(N, C*r*r, H, W) -> (N, C, H*r, W*r).</summary>
public sealed class PixelShuffle(int upscaleFactor) : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.PixelShuffle(input, upscaleFactor);
}
