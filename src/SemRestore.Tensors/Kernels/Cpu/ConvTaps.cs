namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// The kept taps of a (possibly masked) kernel and the row tables the im2col packers read. A masked-out
/// tap simply has no row, so the GEMM's shared dimension shrinks and the tap costs nothing.
/// </summary>
internal static class ConvTaps
{
    /// <summary>Number of kept taps; an empty mask keeps all.</summary>
    public static int Count(ReadOnlySpan<bool> mask, int taps)
    {
        if (mask.IsEmpty)
        {
            return taps;
        }

        var count = 0;
        foreach (var keep in mask)
        {
            count += keep ? 1 : 0;
        }

        return count;
    }

    /// <summary>Writes the flat index (ky * KernelW + kx) of each kept tap in row-major order.</summary>
    public static void Fill(ReadOnlySpan<bool> mask, int taps, Span<int> kept)
    {
        var t = 0;
        for (var i = 0; i < taps; i++)
        {
            if (mask.IsEmpty || mask[i])
            {
                kept[t++] = i;
            }
        }
    }

    /// <summary>
    /// Row tables for rows p = channel * T + t: the plane offset <c>channel * planeSize</c> and the tap's
    /// offsets <c>sign * (k * dilation - pad)</c>. Sign +1 reads the input of a forward convolution; -1 reads
    /// the output gradient when the data gradient of a stride-1 convolution is computed as a convolution.
    /// </summary>
    public static void FillRows(in Conv2dGeometry g, ReadOnlySpan<int> kept, int channels, int planeSize, int sign,
        Span<int> planeOffset, Span<int> dy, Span<int> dx)
    {
        var t = kept.Length;
        for (var ch = 0; ch < channels; ch++)
        {
            for (var i = 0; i < t; i++)
            {
                var ky = kept[i] / g.KernelW;
                var kx = kept[i] - ky * g.KernelW;
                var row = ch * t + i;
                planeOffset[row] = ch * planeSize;
                dy[row] = sign * (ky * g.DilationH - g.PadH);
                dx[row] = sign * (kx * g.DilationW - g.PadW);
            }
        }
    }
}
