namespace SemRestore.Tensors.Kernels;

/// <summary>
/// Plain, obviously correct loops in double precision accumulation. Slow; the fast kernels are tested
/// against it and ops may use it until a fast path exists.
/// </summary>
public sealed class ReferenceKernels : IComputeKernels
{
    public static ReferenceKernels Instance { get; } = new();

    public void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                {
                    var av = transposeA ? a[p * m + i] : a[i * k + p];
                    var bv = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += (double)av * bv;
                }

                var previous = beta == 0f ? 0f : beta * c[i * n + j];
                c[i * n + j] = (float)(alpha * sum) + previous;
            }
        }
    }

    public void Conv2dForward(in Conv2dGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, ReadOnlySpan<bool> tapMask, Span<float> output)
    {
        int oh = g.OutHeight, ow = g.OutWidth, cinG = g.InChannelsPerGroup, coutG = g.OutChannelsPerGroup;
        for (var n = 0; n < g.Batch; n++)
        {
            for (var co = 0; co < g.OutChannels; co++)
            {
                var group = co / coutG;
                for (var y = 0; y < oh; y++)
                {
                    for (var x = 0; x < ow; x++)
                    {
                        double sum = bias.IsEmpty ? 0 : bias[co];
                        for (var ci = 0; ci < cinG; ci++)
                        {
                            var cin = group * cinG + ci;
                            for (var ky = 0; ky < g.KernelH; ky++)
                            {
                                var iy = y * g.StrideH - g.PadH + ky * g.DilationH;
                                if ((uint)iy >= (uint)g.InHeight)
                                {
                                    continue;
                                }

                                for (var kx = 0; kx < g.KernelW; kx++)
                                {
                                    if (!tapMask.IsEmpty && !tapMask[ky * g.KernelW + kx])
                                    {
                                        continue;
                                    }

                                    var ix = x * g.StrideW - g.PadW + kx * g.DilationW;
                                    if ((uint)ix >= (uint)g.InWidth)
                                    {
                                        continue;
                                    }

                                    var inValue = input[((n * g.InChannels + cin) * g.InHeight + iy) * g.InWidth + ix];
                                    var wValue = weight[((co * cinG + ci) * g.KernelH + ky) * g.KernelW + kx];
                                    sum += (double)inValue * wValue;
                                }
                            }
                        }

                        output[((n * g.OutChannels + co) * oh + y) * ow + x] = (float)sum;
                    }
                }
            }
        }
    }

    public void Conv2dBackwardData(in Conv2dGeometry g, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        ReadOnlySpan<bool> tapMask, Span<float> gradInput)
    {
        int oh = g.OutHeight, ow = g.OutWidth, cinG = g.InChannelsPerGroup, coutG = g.OutChannelsPerGroup;
        for (var n = 0; n < g.Batch; n++)
        {
            for (var co = 0; co < g.OutChannels; co++)
            {
                var group = co / coutG;
                for (var y = 0; y < oh; y++)
                {
                    for (var x = 0; x < ow; x++)
                    {
                        var go = gradOutput[((n * g.OutChannels + co) * oh + y) * ow + x];
                        for (var ci = 0; ci < cinG; ci++)
                        {
                            var cin = group * cinG + ci;
                            for (var ky = 0; ky < g.KernelH; ky++)
                            {
                                var iy = y * g.StrideH - g.PadH + ky * g.DilationH;
                                if ((uint)iy >= (uint)g.InHeight)
                                {
                                    continue;
                                }

                                for (var kx = 0; kx < g.KernelW; kx++)
                                {
                                    if (!tapMask.IsEmpty && !tapMask[ky * g.KernelW + kx])
                                    {
                                        continue;
                                    }

                                    var ix = x * g.StrideW - g.PadW + kx * g.DilationW;
                                    if ((uint)ix >= (uint)g.InWidth)
                                    {
                                        continue;
                                    }

                                    gradInput[((n * g.InChannels + cin) * g.InHeight + iy) * g.InWidth + ix] +=
                                        go * weight[((co * cinG + ci) * g.KernelH + ky) * g.KernelW + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    public void Conv2dBackwardWeight(in Conv2dGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<bool> tapMask, Span<float> gradWeight, Span<float> gradBias)
    {
        int oh = g.OutHeight, ow = g.OutWidth, cinG = g.InChannelsPerGroup, coutG = g.OutChannelsPerGroup;
        for (var co = 0; co < g.OutChannels; co++)
        {
            var group = co / coutG;
            if (!gradBias.IsEmpty)
            {
                double biasSum = 0;
                for (var n = 0; n < g.Batch; n++)
                {
                    var plane = gradOutput.Slice((n * g.OutChannels + co) * oh * ow, oh * ow);
                    foreach (var v in plane)
                    {
                        biasSum += v;
                    }
                }

                gradBias[co] += (float)biasSum;
            }

            for (var ci = 0; ci < cinG; ci++)
            {
                var cin = group * cinG + ci;
                for (var ky = 0; ky < g.KernelH; ky++)
                {
                    for (var kx = 0; kx < g.KernelW; kx++)
                    {
                        if (!tapMask.IsEmpty && !tapMask[ky * g.KernelW + kx])
                        {
                            continue;
                        }

                        double sum = 0;
                        for (var n = 0; n < g.Batch; n++)
                        {
                            for (var y = 0; y < oh; y++)
                            {
                                var iy = y * g.StrideH - g.PadH + ky * g.DilationH;
                                if ((uint)iy >= (uint)g.InHeight)
                                {
                                    continue;
                                }

                                for (var x = 0; x < ow; x++)
                                {
                                    var ix = x * g.StrideW - g.PadW + kx * g.DilationW;
                                    if ((uint)ix >= (uint)g.InWidth)
                                    {
                                        continue;
                                    }

                                    sum += (double)input[((n * g.InChannels + cin) * g.InHeight + iy) * g.InWidth + ix] *
                                        gradOutput[((n * g.OutChannels + co) * oh + y) * ow + x];
                                }
                            }
                        }

                        gradWeight[((co * cinG + ci) * g.KernelH + ky) * g.KernelW + kx] += (float)sum;
                    }
                }
            }
        }
    }
}
