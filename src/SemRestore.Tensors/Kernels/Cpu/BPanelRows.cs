using System.Runtime.CompilerServices;

namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Where a micro-kernel reads row p (NR consecutive floats) of its B panel. A struct per source so that the
/// kernels are specialised and the lookup inlines: either a packed panel or a table of row addresses.
/// </summary>
internal unsafe interface IBPanelRows
{
    float* Row(int p);
}

/// <summary>A packed panel laid out as [k][nr].</summary>
internal readonly unsafe struct PackedBPanel(float* panel, int nr) : IBPanelRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Row(int p) => panel + (nint)p * nr;
}

/// <summary>
/// Row p at <c>rows[p]</c>: rows that already lie contiguous in the operand (an image row under the panel's
/// output pixels, a row of a dense matrix) are read in place instead of being copied into a panel first.
/// </summary>
internal readonly unsafe struct IndirectBPanel(float** rows) : IBPanelRows
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Row(int p) => rows[p];
}
