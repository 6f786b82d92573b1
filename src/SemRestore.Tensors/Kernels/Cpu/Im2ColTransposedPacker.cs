namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Implicit transposed im2col for the B operand of a weight gradient: element (p, j) is the input sample
/// that column j (one input channel and one kept tap) sees at output pixel p of image <c>segment</c>.
/// </summary>
/// <remarks>Column j reads plane <c>planeOffset[j]</c> at <c>(oy * strideH + dy[j], ox * strideW + dx[j])</c>.</remarks>
internal readonly unsafe struct Im2ColTransposedPacker(float* input, long imageStride, int inHeight, int inWidth, int outWidth,
    int strideH, int strideW, int* planeOffset, int* dy, int* dx, SimdLevel level) : IGemmPacker
{
    public bool ReadsInPlace => false;

    public void PackOrPoint(int batch, int segment, int k0, int kc, int index0, int panel, float* dst, float** rows) =>
        throw new NotSupportedException("Im2ColTransposedPacker packs A panels or transposed B panels; its rows are never contiguous.");

    public void Pack(int batch, int segment, int k0, int kc, int index0, int count, int panel, float* dst)
    {
        var image = input + segment * imageStride;
        var oy0 = k0 / outWidth;
        var ox0 = k0 - oy0 * outWidth;
        var first = 0;
        if (level == SimdLevel.Vector512 && strideW == 1 && count >= 16)
        {
            first = PackTransposed(image, k0, kc, index0, count, panel, dst);
        }

        for (var c = first; c < count; c++)
        {
            var column = index0 + c;
            var plane = image + planeOffset[column];
            int colDy = dy[column], colDx = dx[column];
            var d = dst + c;
            int oy = oy0, ox = ox0, filled = 0;
            while (filled < kc)
            {
                var run = Math.Min(kc - filled, outWidth - ox);
                var iy = oy * strideH + colDy;
                var target = d + filled * panel;
                if ((uint)iy >= (uint)inHeight)
                {
                    for (var r = 0; r < run; r++)
                    {
                        target[r * panel] = 0f;
                    }
                }
                else
                {
                    var src = plane + (long)iy * inWidth;
                    var ix0 = ox * strideW + colDx;
                    // Output pixels r in [lo, hi) read inside the row; the rest are padding zeros.
                    var lo = ix0 >= 0 ? 0 : Math.Min(run, (-ix0 + strideW - 1) / strideW);
                    var lastInside = inWidth - 1 - ix0;
                    var hi = lastInside < 0 ? lo : Math.Clamp(lastInside / strideW + 1, lo, run);
                    for (var r = 0; r < lo; r++)
                    {
                        target[r * panel] = 0f;
                    }

                    var from = src + ix0;
                    for (var r = lo; r < hi; r++)
                    {
                        target[r * panel] = from[r * strideW];
                    }

                    for (var r = hi; r < run; r++)
                    {
                        target[r * panel] = 0f;
                    }
                }

                filled += run;
                ox = 0;
                oy++;
            }
        }

        DenseRowsPacker.ZeroTail(dst, kc, count, panel);
    }

    /// <summary>
    /// Stride-1 fast path for groups of 16 columns: 16 pixels of 16 columns are loaded as rows (one
    /// contiguous input run per column) and transposed in registers into 16 panel rows. Runs that touch
    /// the padding are assembled element by element first. Returns the number of columns done.
    /// </summary>
    private int PackTransposed(float* image, int k0, int kc, int index0, int count, int panel, float* dst)
    {
        var rowPointers = stackalloc float*[16];
        var edgeRuns = stackalloc float[16 * 16];
        var oy0 = k0 / outWidth;
        var ox0 = k0 - oy0 * outWidth;
        var c0 = 0;
        for (; c0 + 16 <= count; c0 += 16)
        {
            int oy = oy0, ox = ox0, filled = 0;
            while (filled < kc)
            {
                var run = Math.Min(kc - filled, outWidth - ox);
                var r = 0;
                for (; r + 16 <= run; r += 16)
                {
                    for (var i = 0; i < 16; i++)
                    {
                        var column = index0 + c0 + i;
                        var iy = oy * strideH + dy[column];
                        var ix = ox + r + dx[column];
                        var plane = image + planeOffset[column];
                        if ((uint)iy < (uint)inHeight && ix >= 0 && ix + 16 <= inWidth)
                        {
                            rowPointers[i] = plane + (long)iy * inWidth + ix;
                            continue;
                        }

                        var edge = edgeRuns + i * 16;
                        for (var e = 0; e < 16; e++)
                        {
                            edge[e] = (uint)iy < (uint)inHeight && (uint)(ix + e) < (uint)inWidth ? plane[(long)iy * inWidth + ix + e] : 0f;
                        }

                        rowPointers[i] = edge;
                    }

                    Transpose16.Transpose(rowPointers, dst + (filled + r) * panel + c0, panel);
                }

                for (var i = 0; i < 16; i++)
                {
                    var column = index0 + c0 + i;
                    var iy = oy * strideH + dy[column];
                    var plane = image + planeOffset[column] + (long)iy * inWidth;
                    for (var rr = r; rr < run; rr++)
                    {
                        var ix = ox + rr + dx[column];
                        dst[(filled + rr) * panel + c0 + i] = (uint)iy < (uint)inHeight && (uint)ix < (uint)inWidth ? plane[ix] : 0f;
                    }
                }

                filled += run;
                ox = 0;
                oy++;
            }
        }

        return c0;
    }
}
