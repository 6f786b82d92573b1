namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Implicit transposed im2col for the B operand of a weight gradient: element (p, j) is the input sample
/// that column j (one input channel and one kept tap) sees at output pixel p of image <c>segment</c>.
/// </summary>
/// <remarks>Column j reads plane <c>planeOffset[j]</c> at <c>(oy * strideH + dy[j], ox * strideW + dx[j])</c>.</remarks>
internal readonly unsafe struct Im2ColTransposedPacker(float* input, long imageStride, int inHeight, int inWidth, int outWidth,
    int strideH, int strideW, int* planeOffset, int* dy, int* dx) : IGemmPacker
{
    public void Pack(int batch, int segment, int k0, int kc, int index0, int count, int panel, float* dst)
    {
        var image = input + segment * imageStride;
        var oy0 = k0 / outWidth;
        var ox0 = k0 - oy0 * outWidth;
        for (var c = 0; c < count; c++)
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
                    var ix = ox * strideW + colDx;
                    for (var r = 0; r < run; r++, ix += strideW)
                    {
                        target[r * panel] = (uint)ix < (uint)inWidth ? src[ix] : 0f;
                    }
                }

                filled += run;
                ox = 0;
                oy++;
            }
        }

        DenseRowsPacker.ZeroTail(dst, kc, count, panel);
    }
}
