namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Per-thread packing buffers, allocated once per thread on the pinned heap and reused by every GEMM,
/// so a call allocates nothing. Pointers are aligned to 64 bytes for whole-cache-line panel loads.
/// </summary>
internal static unsafe class GemmScratch
{
    [ThreadStatic]
    private static float[]? t_buffer;

    /// <summary>Returns an aligned pointer to at least <paramref name="floats"/> floats owned by this thread.</summary>
    /// <remarks>The array is pinned (pinned object heap) and referenced by the thread-static, so the pointer
    /// stays valid until the next call on this thread asks for more.</remarks>
    public static float* Get(int floats)
    {
        var buffer = t_buffer;
        if (buffer is null || buffer.Length < floats + 16)
        {
            buffer = GC.AllocateUninitializedArray<float>(floats + 16, pinned: true);
            t_buffer = buffer;
        }

        fixed (float* start = buffer)
        {
            return (float*)(((nint)start + 63) & ~(nint)63);
        }
    }
}
