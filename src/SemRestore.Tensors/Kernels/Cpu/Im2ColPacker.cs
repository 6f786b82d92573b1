using System.Runtime.Intrinsics;

namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Implicit im2col for the B operand of a convolution: element (p, j) is the input sample that shared-
/// dimension row p (one input channel and one kept tap) sees at output pixel j, or 0 in the padding.
/// No column matrix is ever stored; panels are gathered straight from the NCHW input.
/// </summary>
/// <remarks>
/// Row p reads plane <c>planeOffset[p]</c> at <c>(oy * strideH + dy[p], ox * strideW + dx[p])</c>.
/// Batch b selects image b (<c>imageStride</c> floats apart). Runs of output pixels inside one output row
/// map to contiguous input runs when strideW is 1, which are copied with vectors of the given level (none at Scalar).
/// </remarks>
internal readonly unsafe struct Im2ColPacker(float* input, long imageStride, int inHeight, int inWidth, int outWidth,
    int strideH, int strideW, int* planeOffset, int* dy, int* dx, SimdLevel level) : IGemmPacker
{
    /// <summary>Stride 1 along x: a panel inside one output row reads one run of an input row per shared-dimension row.</summary>
    public bool ReadsInPlace => strideW == 1;

    public void Pack(int batch, int segment, int k0, int kc, int index0, int count, int panel, float* dst)
    {
        var image = input + batch * imageStride;
        var oy0 = index0 / outWidth;
        var ox0 = index0 - oy0 * outWidth;
        for (var p = 0; p < kc; p++)
        {
            PackRow(image, k0 + p, oy0, ox0, count, panel, dst + p * panel);
        }
    }

    public void PackOrPoint(int batch, int segment, int k0, int kc, int index0, int panel, float* dst, float** rows)
    {
        var image = input + batch * imageStride;
        var oy = index0 / outWidth;
        var ox = index0 - oy * outWidth;
        var inOneOutputRow = ox + panel <= outWidth;
        for (var p = 0; p < kc; p++)
        {
            var row = k0 + p;
            var iy = oy * strideH + dy[row];
            var ix = ox + dx[row];
            if (inOneOutputRow && (uint)iy < (uint)inHeight && ix >= 0 && ix + panel <= inWidth)
            {
                rows[p] = image + planeOffset[row] + (long)iy * inWidth + ix;
            }
            else
            {
                // Padding or a wrap to the next output row: this row needs zeros or a second run, so copy it.
                var d = dst + p * panel;
                PackRow(image, row, oy, ox, panel, panel, d);
                rows[p] = d;
            }
        }
    }

    /// <summary>Row <paramref name="row"/> of the shared dimension over <paramref name="count"/> output pixels from (oy0, ox0), zero-padded to the panel width.</summary>
    private void PackRow(float* image, int row, int oy0, int ox0, int count, int panel, float* d)
    {
        var plane = image + planeOffset[row];
        int rowDy = dy[row], rowDx = dx[row];
        int oy = oy0, ox = ox0, filled = 0;
        while (filled < count)
        {
            var run = Math.Min(count - filled, outWidth - ox);
            var iy = oy * strideH + rowDy;
            if ((uint)iy >= (uint)inHeight)
            {
                new Span<float>(d + filled, run).Clear();
            }
            else
            {
                CopyRun(plane + (long)iy * inWidth, ox * strideW + rowDx, run, d + filled);
            }

            filled += run;
            ox = 0;
            oy++;
        }

        for (var c = count; c < panel; c++)
        {
            d[c] = 0f;
        }
    }

    /// <summary>dst[r] = src[ix0 + r * strideW] where that index is inside the row, else 0.</summary>
    private void CopyRun(float* src, int ix0, int run, float* dst)
    {
        if (strideW == 1)
        {
            // Valid r satisfy 0 <= ix0 + r < inWidth.
            var lo = Math.Clamp(-ix0, 0, run);
            var hi = Math.Clamp(inWidth - ix0, lo, run);
            for (var r = 0; r < lo; r++)
            {
                dst[r] = 0f;
            }

            // Interior: 16 (or 8) floats per unaligned vector copy; calls to memmove cost more than
            // the copy for runs of one panel width.
            var from = src + ix0;
            var r2 = lo;
            if (level == SimdLevel.Vector512)
            {
                for (; r2 + 16 <= hi; r2 += 16)
                {
                    Vector512.Store(Vector512.Load(from + r2), dst + r2);
                }
            }

            for (; level != SimdLevel.Scalar && r2 + 8 <= hi; r2 += 8)
            {
                Vector256.Store(Vector256.Load(from + r2), dst + r2);
            }

            for (; r2 < hi; r2++)
            {
                dst[r2] = from[r2];
            }

            for (var r = hi; r < run; r++)
            {
                dst[r] = 0f;
            }

            return;
        }

        for (var r = 0; r < run; r++)
        {
            var ix = ix0 + r * strideW;
            dst[r] = (uint)ix < (uint)inWidth ? src[ix] : 0f;
        }
    }
}
