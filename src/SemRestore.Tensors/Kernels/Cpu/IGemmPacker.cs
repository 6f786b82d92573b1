namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Packs a block of one GEMM operand into the micro-kernel's panel layout. Implementations are structs so
/// that the driver is specialised per operand source (dense matrix, implicit im2col) without virtual calls.
/// </summary>
/// <remarks>
/// A packer for A writes rows [index0, index0 + count) of op(A) over k in [k0, k0 + kc) as
/// <c>dst[p * panel + r]</c>; a packer for B writes columns [index0, index0 + count) of op(B) as
/// <c>dst[p * panel + c]</c>. Entries r or c in [count, panel) are zero. <c>batch</c> selects one of
/// several independent GEMMs; <c>segment</c> selects one of the equal parts the shared dimension is made of
/// (the images of a batch when a weight gradient sums over them).
/// </remarks>
internal unsafe interface IGemmPacker
{
    void Pack(int batch, int segment, int k0, int kc, int index0, int count, int panel, float* dst);

    /// <summary>True when <see cref="PackOrPoint"/> is available (B operands whose rows can lie contiguous in memory).</summary>
    bool ReadsInPlace { get; }

    /// <summary>
    /// For the full panel of columns [index0, index0 + panel) of op(B): sets <c>rows[p]</c> to the address of
    /// row k0 + p where those columns already lie contiguous in the operand; otherwise packs that row into
    /// <c>dst + p * panel</c> and points there.
    /// </summary>
    void PackOrPoint(int batch, int segment, int k0, int kc, int index0, int panel, float* dst, float** rows);
}
