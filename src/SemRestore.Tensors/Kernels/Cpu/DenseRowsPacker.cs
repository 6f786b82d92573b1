namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Packs A-style panels (rows of op(A)) from a dense row-major matrix. Not transposed: element (i, p) is
/// <c>data[i * ld + p]</c>; transposed: <c>data[p * ld + i]</c>.
/// </summary>
internal readonly unsafe struct DenseRowsPacker(float* data, int ld, bool transposed, long batchStride, long segmentStride) : IGemmPacker
{
    public bool ReadsInPlace => false;

    public void PackOrPoint(int batch, int segment, int k0, int kc, int index0, int panel, float* dst, float** rows) =>
        throw new NotSupportedException("DenseRowsPacker packs A panels or transposed B panels; its rows are never contiguous.");

    public void Pack(int batch, int segment, int k0, int kc, int index0, int count, int panel, float* dst)
    {
        var basePtr = data + batch * batchStride + segment * segmentStride;
        if (transposed)
        {
            // Rows of the stored matrix are k: each k contributes a contiguous run of `count` entries.
            for (var p = 0; p < kc; p++)
            {
                var src = basePtr + (long)(k0 + p) * ld + index0;
                var d = dst + p * panel;
                new ReadOnlySpan<float>(src, count).CopyTo(new Span<float>(d, count));
                for (var r = count; r < panel; r++)
                {
                    d[r] = 0f;
                }
            }

            return;
        }

        for (var r = 0; r < count; r++)
        {
            var src = basePtr + (long)(index0 + r) * ld + k0;
            var d = dst + r;
            for (var p = 0; p < kc; p++)
            {
                d[p * panel] = src[p];
            }
        }

        ZeroTail(dst, kc, count, panel);
    }

    internal static void ZeroTail(float* dst, int kc, int count, int panel)
    {
        if (count == panel)
        {
            return;
        }

        for (var p = 0; p < kc; p++)
        {
            new Span<float>(dst + p * panel + count, panel - count).Clear();
        }
    }
}
