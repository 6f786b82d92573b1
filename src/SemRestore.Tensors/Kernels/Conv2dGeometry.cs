namespace SemRestore.Tensors.Kernels;

/// <summary>
/// Shapes of one 2-D convolution (NCHW input, OIHW weight, zero padding; other padding modes are an
/// explicit pad op before the convolution).
/// </summary>
/// <remarks>
/// Output size follows PyTorch: <c>(H + 2*PadH - DilationH*(KernelH-1) - 1) / StrideH + 1</c>.
/// The weight has shape (OutChannels, InChannels / Groups, KernelH, KernelW).
/// </remarks>
public readonly record struct Conv2dGeometry(
    int Batch,
    int InChannels,
    int InHeight,
    int InWidth,
    int OutChannels,
    int KernelH,
    int KernelW,
    int StrideH = 1,
    int StrideW = 1,
    int PadH = 0,
    int PadW = 0,
    int DilationH = 1,
    int DilationW = 1,
    int Groups = 1)
{
    public int OutHeight => (InHeight + 2 * PadH - DilationH * (KernelH - 1) - 1) / StrideH + 1;

    public int OutWidth => (InWidth + 2 * PadW - DilationW * (KernelW - 1) - 1) / StrideW + 1;

    public int InChannelsPerGroup => InChannels / Groups;

    public int OutChannelsPerGroup => OutChannels / Groups;

    public long InputLength => (long)Batch * InChannels * InHeight * InWidth;

    public long OutputLength => (long)Batch * OutChannels * OutHeight * OutWidth;

    public long WeightLength => (long)OutChannels * InChannelsPerGroup * KernelH * KernelW;

    /// <summary>Multiply-adds of the forward pass (all taps, mask ignored).</summary>
    public long MultiplyAdds => OutputLength * InChannelsPerGroup * KernelH * KernelW;

    /// <summary>Throws with both shapes when the geometry is inconsistent.</summary>
    public void Validate()
    {
        if (Batch <= 0 || InChannels <= 0 || InHeight <= 0 || InWidth <= 0 || OutChannels <= 0 || KernelH <= 0 || KernelW <= 0)
        {
            throw new ArgumentException($"conv2d: sizes must be positive, got {this}.");
        }

        if (StrideH <= 0 || StrideW <= 0 || DilationH <= 0 || DilationW <= 0 || PadH < 0 || PadW < 0 || Groups <= 0)
        {
            throw new ArgumentException($"conv2d: stride and dilation must be positive and padding non-negative, got {this}.");
        }

        if (InChannels % Groups != 0 || OutChannels % Groups != 0)
        {
            throw new ArgumentException($"conv2d: channels {InChannels} -> {OutChannels} are not divisible by groups {Groups}.");
        }

        if (OutHeight <= 0 || OutWidth <= 0)
        {
            throw new ArgumentException($"conv2d: input {InHeight}x{InWidth} is too small for kernel {KernelH}x{KernelW} (dilation {DilationH}x{DilationW}, padding {PadH}x{PadW}).");
        }
    }
}
