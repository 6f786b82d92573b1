using SemRestore.Tensors;
using SemRestore.Tensors.Nn;

namespace SemRestore.Models.FbiNet;

/// <summary>The reference's New1/New2/New3 wrapper: one convolution named <c>conv1</c> with an optional fixed tap
/// mask (PyTorch default init, masked taps zeroed so the stored weight equals weight * mask).</summary>
public sealed class MaskedConv : Module
{
    /// <summary>Creates the wrapper.</summary>
    public MaskedConv(int inChannels, int outChannels, int kernelSize, int padding, int dilation, bool[]? mask, Random random)
    {
        Conv = RegisterModule("conv1", new Conv2d(inChannels, outChannels, kernelSize, random, padding: padding, dilation: dilation, tapMask: mask));
    }

    /// <summary>The convolution.</summary>
    public Conv2d Conv { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Conv.Forward(input);
}
