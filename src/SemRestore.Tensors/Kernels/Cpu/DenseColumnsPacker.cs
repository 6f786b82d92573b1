namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Packs B-style panels (columns of op(B)) from a dense row-major matrix. Not transposed: element (p, j) is
/// <c>data[p * ld + j]</c>; transposed: <c>data[j * ld + p]</c>.
/// </summary>
internal readonly unsafe struct DenseColumnsPacker(float* data, int ld, bool transposed, long batchStride, long segmentStride) : IGemmPacker
{
    /// <summary>
    /// Always packs: reading rows in place was measured slower for dense B (sgemm 2048, one thread: 214-242 ms
    /// in place vs 185-222 ms packed), because every row of a panel sits on its own page (TLB misses).
    /// </summary>
    public bool ReadsInPlace => false;

    public void PackOrPoint(int batch, int segment, int k0, int kc, int index0, int panel, float* dst, float** rows) =>
        throw new NotSupportedException("DenseColumnsPacker always packs (see ReadsInPlace).");

    public void Pack(int batch, int segment, int k0, int kc, int index0, int count, int panel, float* dst)
    {
        var basePtr = data + batch * batchStride + segment * segmentStride;
        if (!transposed)
        {
            for (var p = 0; p < kc; p++)
            {
                var src = basePtr + (long)(k0 + p) * ld + index0;
                var d = dst + p * panel;
                new ReadOnlySpan<float>(src, count).CopyTo(new Span<float>(d, count));
                for (var c = count; c < panel; c++)
                {
                    d[c] = 0f;
                }
            }

            return;
        }

        for (var c = 0; c < count; c++)
        {
            var src = basePtr + (long)(index0 + c) * ld + k0;
            var d = dst + c;
            for (var p = 0; p < kc; p++)
            {
                d[p * panel] = src[p];
            }
        }

        DenseRowsPacker.ZeroTail(dst, kc, count, panel);
    }
}
