namespace SemRestore.Tensors;

/// <summary>
/// Hyper-parameters of a 2-D convolution (PyTorch semantics). Output size per axis is
/// <c>(in + 2*pad - dilation*(k-1) - 1) / stride + 1</c>.
/// </summary>
/// <param name="StrideH">Vertical stride (&gt;= 1).</param>
/// <param name="StrideW">Horizontal stride (&gt;= 1).</param>
/// <param name="PadH">Rows added above and below (&gt;= 0).</param>
/// <param name="PadW">Columns added left and right (&gt;= 0).</param>
/// <param name="DilationH">Vertical tap spacing (&gt;= 1).</param>
/// <param name="DilationW">Horizontal tap spacing (&gt;= 1).</param>
/// <param name="Groups">Channel groups; in and out channels must be divisible; groups = in = out is depthwise.</param>
/// <param name="PaddingMode">Zeros pads inside the kernel; Reflect / Replicate pad explicitly first.</param>
/// <param name="TapMask">Optional fixed mask of KernelH*KernelW taps (row-major, true = kept); masked taps are
/// skipped by the kernels and their weight gradients stay zero (blind-spot convolutions).</param>
public sealed record Conv2dSettings(
    int StrideH = 1,
    int StrideW = 1,
    int PadH = 0,
    int PadW = 0,
    int DilationH = 1,
    int DilationW = 1,
    int Groups = 1,
    PaddingMode PaddingMode = PaddingMode.Zeros,
    bool[]? TapMask = null)
{
    /// <summary>Square settings: the same stride, padding and dilation on both axes.</summary>
    public static Conv2dSettings Square(int stride = 1, int padding = 0, int dilation = 1, int groups = 1,
        PaddingMode paddingMode = PaddingMode.Zeros, bool[]? tapMask = null) =>
        new(stride, stride, padding, padding, dilation, dilation, groups, paddingMode, tapMask);
}
