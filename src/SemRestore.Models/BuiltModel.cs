using SemRestore.Tensors.Nn;

namespace SemRestore.Models;

/// <summary>
/// A network with what tiling needs to know about it.
/// </summary>
/// <param name="Module">The network: (N, 1, H, W) -> (N, 1, H, W).</param>
/// <param name="Spec">Canonical spec (every option written out) that rebuilds the same architecture.</param>
/// <param name="SizeMultiple">Input sides must be multiples of this (U-Net: 32; 1 when any size works).</param>
/// <param name="Halo">Receptive-field radius in pixels: output pixels farther than this from a tile edge equal the whole-image output.</param>
public sealed record BuiltModel(Module Module, string Spec, int SizeMultiple, int Halo)
{
    public long ParameterCount => Module.ParameterCount;
}
