using System.Buffers;
using System.Numerics.Tensors;
using SemRestore.Tensors.Kernels.Cpu;

namespace SemRestore.Tensors.Kernels;

/// <summary>Convolutions: implicit im2col + packed SGEMM, dense SGEMM for 1x1, direct loops for depthwise.</summary>
public sealed partial class CpuKernels
{
    /// <summary>Pixels per column chunk of the strided data gradient; bounds its scratch to about 16 MB.</summary>
    private const int DefaultColumnScratchFloats = 1 << 22;

    /// <summary>Upper bound of the column chunk (floats) of the strided data gradient; tests lower it to force chunking.</summary>
    internal int ColumnScratchFloats { get; init; } = DefaultColumnScratchFloats;

    /// <inheritdoc />
    /// <remarks>The GEMM is W_g (OutChannels/G x kept taps * InChannels/G) times the implicit im2col of the
    /// image; masked-out taps have no row in it. A 1x1 stride-1 unpadded conv multiplies the image directly.</remarks>
    /// <exception cref="ArgumentException">When the geometry is invalid, a span is too short or the mask has the wrong length.</exception>
    public unsafe void Conv2dForward(in Conv2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, ReadOnlySpan<bool> tapMask, Span<float> output)
    {
        var g = geometry;
        ValidateConv(g, tapMask);
        RequireLength(input.Length, g.InputLength, nameof(input), $"conv2d {g}: the input");
        RequireLength(weight.Length, g.WeightLength, nameof(weight), $"conv2d {g}: the weight");
        RequireLength(output.Length, g.OutputLength, nameof(output), $"conv2d {g}: the output");
        if (!bias.IsEmpty && bias.Length != g.OutChannels)
        {
            throw new ArgumentException($"conv2d: bias has {bias.Length} elements, expected {g.OutChannels} (one per output channel) or none.", nameof(bias));
        }

        int hw = g.InHeight * g.InWidth, ohw = g.OutHeight * g.OutWidth, khw = g.KernelH * g.KernelW;
        int cinG = g.InChannelsPerGroup, coutG = g.OutChannelsPerGroup;
        var taps = ConvTaps.Count(tapMask, khw);
        var depthwise = IsDepthwise(g);
        var prefill = !bias.IsEmpty || taps == 0 || depthwise;
        if (prefill)
        {
            for (var plane = 0; plane < g.Batch * g.OutChannels; plane++)
            {
                output.Slice(plane * ohw, ohw).Fill(bias.IsEmpty ? 0f : bias[plane % g.OutChannels]);
            }
        }

        if (taps == 0)
        {
            return;
        }

        var rows = cinG * taps;
        var ints = ArrayPool<int>.Shared.Rent(taps + 3 * rows);
        var full = taps == khw;
        var compact = full || depthwise ? null : ArrayPool<float>.Shared.Rent(coutG * rows);
        try
        {
            fixed (float* pin = input, pw = weight, pout = output, pc = compact)
            fixed (int* pi = ints)
            {
                var kept = new Span<int>(pi, taps);
                ConvTaps.Fill(tapMask, khw, kept);
                if (depthwise)
                {
                    DepthwiseConvolution.Forward(g, pin, pw, pi, taps, pout, Level != SimdLevel.Scalar, _plan.MaxDegreeOfParallelism);
                    return;
                }

                int* planeOffset = pi + taps, dy = planeOffset + rows, dx = dy + rows;
                ConvTaps.FillRows(g, kept, cinG, hw, 1, new Span<int>(planeOffset, rows), new Span<int>(dy, rows), new Span<int>(dx, rows));
                var beta = prefill ? 1f : 0f;
                for (var group = 0; group < g.Groups; group++)
                {
                    var wg = pw + (long)group * coutG * cinG * khw;
                    if (!full)
                    {
                        CompactWeight(wg, coutG, cinG, khw, kept, pc, rowMajorByOutput: true);
                        wg = pc;
                    }

                    var a = new DenseRowsPacker(wg, rows, false, 0, 0);
                    var inG = pin + (long)group * cinG * hw;
                    var outG = pout + (long)group * coutG * ohw;
                    if (IsPointwise(g))
                    {
                        var b = new DenseColumnsPacker(inG, hw, false, (long)g.InChannels * hw, 0);
                        GemmDriver.Run(_plan, g.Batch, coutG, ohw, rows, 1, 1f, a, b, beta, outG, ohw, (long)g.OutChannels * ohw);
                    }
                    else
                    {
                        var b = new Im2ColPacker(inG, (long)g.InChannels * hw, g.InHeight, g.InWidth, g.OutWidth, g.StrideH, g.StrideW, planeOffset, dy, dx);
                        GemmDriver.Run(_plan, g.Batch, coutG, ohw, rows, 1, 1f, a, b, beta, outG, ohw, (long)g.OutChannels * ohw);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            if (compact is not null)
            {
                ArrayPool<float>.Shared.Return(compact);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Stride 1: the data gradient is itself a convolution of gradOutput (offsets negated, weight
    /// transposed per group), run through the same implicit-im2col GEMM with beta = 1. Larger strides: a GEMM
    /// into a bounded column chunk, then col2im accumulation parallel over input channels.</remarks>
    /// <exception cref="ArgumentException">When the geometry is invalid, a span is too short or the mask has the wrong length.</exception>
    public unsafe void Conv2dBackwardData(in Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        ReadOnlySpan<bool> tapMask, Span<float> gradInput)
    {
        var g = geometry;
        ValidateConv(g, tapMask);
        RequireLength(gradOutput.Length, g.OutputLength, nameof(gradOutput), $"conv2d {g}: the output gradient");
        RequireLength(weight.Length, g.WeightLength, nameof(weight), $"conv2d {g}: the weight");
        RequireLength(gradInput.Length, g.InputLength, nameof(gradInput), $"conv2d {g}: the input gradient");
        int hw = g.InHeight * g.InWidth, ohw = g.OutHeight * g.OutWidth, khw = g.KernelH * g.KernelW;
        int cinG = g.InChannelsPerGroup, coutG = g.OutChannelsPerGroup;
        var taps = ConvTaps.Count(tapMask, khw);
        if (taps == 0)
        {
            return;
        }

        var strideOne = g.StrideH == 1 && g.StrideW == 1;
        var rows = (strideOne ? coutG : cinG) * taps;
        var ints = ArrayPool<int>.Shared.Rent(taps + 3 * rows);
        var compact = ArrayPool<float>.Shared.Rent(cinG * coutG * taps);
        var chunk = Math.Clamp(ColumnScratchFloats / (cinG * taps), 1, ohw);
        var columns = strideOne ? null : ArrayPool<float>.Shared.Rent(cinG * taps * chunk);
        try
        {
            fixed (float* pgo = gradOutput, pw = weight, pgi = gradInput, pc = compact, pcol = columns)
            fixed (int* pi = ints)
            {
                var kept = new Span<int>(pi, taps);
                ConvTaps.Fill(tapMask, khw, kept);
                if (IsDepthwise(g))
                {
                    DepthwiseConvolution.BackwardData(g, pgo, pw, pi, taps, pgi, Level != SimdLevel.Scalar, _plan.MaxDegreeOfParallelism);
                    return;
                }

                int* planeOffset = pi + taps, dy = planeOffset + rows, dx = dy + rows;
                if (strideOne)
                {
                    ConvTaps.FillRows(g, kept, coutG, ohw, -1, new Span<int>(planeOffset, rows), new Span<int>(dy, rows), new Span<int>(dx, rows));
                }
                else
                {
                    ConvTaps.FillRows(g, kept, cinG, hw, 1, new Span<int>(planeOffset, rows), new Span<int>(dy, rows), new Span<int>(dx, rows));
                }

                for (var group = 0; group < g.Groups; group++)
                {
                    var wg = pw + (long)group * coutG * cinG * khw;
                    var goG = pgo + (long)group * coutG * ohw;
                    var giG = pgi + (long)group * cinG * hw;
                    if (!strideOne)
                    {
                        CompactWeight(wg, coutG, cinG, khw, kept, pc, rowMajorByOutput: true);
                        StridedBackwardData(g, group, rows, taps, pc, goG, giG, planeOffset, dy, dx, pcol, chunk);
                        continue;
                    }

                    if (IsPointwise(g))
                    {
                        // A'(ci, co) = W[co, ci]: the stored weight read transposed.
                        var a = new DenseRowsPacker(wg, cinG, true, 0, 0);
                        var b = new DenseColumnsPacker(goG, ohw, false, (long)g.OutChannels * ohw, 0);
                        GemmDriver.Run(_plan, g.Batch, cinG, hw, coutG, 1, 1f, a, b, 1f, giG, hw, (long)g.InChannels * hw);
                    }
                    else
                    {
                        CompactWeight(wg, coutG, cinG, khw, kept, pc, rowMajorByOutput: false);
                        var a = new DenseRowsPacker(pc, rows, false, 0, 0);
                        var b = new Im2ColPacker(goG, (long)g.OutChannels * ohw, g.OutHeight, g.OutWidth, g.InWidth, 1, 1, planeOffset, dy, dx);
                        GemmDriver.Run(_plan, g.Batch, cinG, hw, rows, 1, 1f, a, b, 1f, giG, hw, (long)g.InChannels * hw);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<float>.Shared.Return(compact);
            if (columns is not null)
            {
                ArrayPool<float>.Shared.Return(columns);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>gradW_g (OutChannels/G x kept rows) += sum over images of gradOutput_n times the transposed
    /// implicit im2col of input_n: one GEMM whose shared dimension is all pixels of all images.</remarks>
    /// <exception cref="ArgumentException">When the geometry is invalid, a span is too short or the mask has the wrong length.</exception>
    public unsafe void Conv2dBackwardWeight(in Conv2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<bool> tapMask, Span<float> gradWeight, Span<float> gradBias)
    {
        var g = geometry;
        ValidateConv(g, tapMask);
        RequireLength(input.Length, g.InputLength, nameof(input), $"conv2d {g}: the input");
        RequireLength(gradOutput.Length, g.OutputLength, nameof(gradOutput), $"conv2d {g}: the output gradient");
        RequireLength(gradWeight.Length, g.WeightLength, nameof(gradWeight), $"conv2d {g}: the weight gradient");
        if (!gradBias.IsEmpty && gradBias.Length != g.OutChannels)
        {
            throw new ArgumentException($"conv2d: bias gradient has {gradBias.Length} elements, expected {g.OutChannels} or none.", nameof(gradBias));
        }

        int hw = g.InHeight * g.InWidth, ohw = g.OutHeight * g.OutWidth, khw = g.KernelH * g.KernelW;
        int cinG = g.InChannelsPerGroup, coutG = g.OutChannelsPerGroup;
        if (!gradBias.IsEmpty)
        {
            AccumulateBiasGradient(g, gradOutput, gradBias);
        }

        var taps = ConvTaps.Count(tapMask, khw);
        if (taps == 0)
        {
            return;
        }

        var rows = cinG * taps;
        var full = taps == khw;
        var ints = ArrayPool<int>.Shared.Rent(taps + 3 * rows);
        var compact = full ? null : ArrayPool<float>.Shared.Rent(coutG * rows);
        try
        {
            fixed (float* pin = input, pgo = gradOutput, pgw = gradWeight, pc = compact)
            fixed (int* pi = ints)
            {
                var kept = new Span<int>(pi, taps);
                ConvTaps.Fill(tapMask, khw, kept);
                if (IsDepthwise(g))
                {
                    DepthwiseConvolution.BackwardWeight(g, pin, pgo, pi, taps, pgw, Level != SimdLevel.Scalar, _plan.MaxDegreeOfParallelism);
                    return;
                }

                int* planeOffset = pi + taps, dy = planeOffset + rows, dx = dy + rows;
                ConvTaps.FillRows(g, kept, cinG, hw, 1, new Span<int>(planeOffset, rows), new Span<int>(dy, rows), new Span<int>(dx, rows));
                for (var group = 0; group < g.Groups; group++)
                {
                    var gwG = pgw + (long)group * coutG * cinG * khw;
                    var target = full ? gwG : pc;
                    var a = new DenseRowsPacker(pgo + (long)group * coutG * ohw, ohw, false, 0, (long)g.OutChannels * ohw);
                    var inG = pin + (long)group * cinG * hw;
                    if (IsPointwise(g))
                    {
                        var b = new DenseColumnsPacker(inG, hw, true, 0, (long)g.InChannels * hw);
                        GemmDriver.Run(_plan, 1, coutG, rows, ohw, g.Batch, 1f, a, b, full ? 1f : 0f, target, rows, 0);
                    }
                    else
                    {
                        var b = new Im2ColTransposedPacker(inG, (long)g.InChannels * hw, g.InHeight, g.InWidth, g.OutWidth, g.StrideH, g.StrideW, planeOffset, dy, dx);
                        GemmDriver.Run(_plan, 1, coutG, rows, ohw, g.Batch, 1f, a, b, full ? 1f : 0f, target, rows, 0);
                    }

                    if (!full)
                    {
                        // Scatter-add into the kept taps only: masked taps of gradWeight stay untouched.
                        for (var co = 0; co < coutG; co++)
                        {
                            for (var ci = 0; ci < cinG; ci++)
                            {
                                var dst = gwG + ((long)co * cinG + ci) * khw;
                                var src = pc + (long)co * rows + ci * taps;
                                for (var t = 0; t < taps; t++)
                                {
                                    dst[kept[t]] += src[t];
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            if (compact is not null)
            {
                ArrayPool<float>.Shared.Return(compact);
            }
        }
    }

    private unsafe void StridedBackwardData(in Conv2dGeometry g, int group, int rows, int taps, float* compact, float* gradOutG, float* gradInG,
        int* planeOffset, int* dy, int* dx, float* columns, int chunk)
    {
        var geo = g;
        int hw = g.InHeight * g.InWidth, ohw = g.OutHeight * g.OutWidth, cinG = g.InChannelsPerGroup, coutG = g.OutChannelsPerGroup;
        for (var n = 0; n < g.Batch; n++)
        {
            for (var q0 = 0; q0 < ohw; q0 += chunk)
            {
                var count = Math.Min(chunk, ohw - q0);
                // columns (rows x count) = compact^T (rows x coutG) * gradOut_n[:, q0 .. q0 + count]
                var a = new DenseRowsPacker(compact, rows, true, 0, 0);
                var b = new DenseColumnsPacker(gradOutG + (long)n * g.OutChannels * ohw + q0, ohw, false, 0, 0);
                GemmDriver.Run(_plan, 1, rows, count, coutG, 1, 1f, a, b, 0f, columns, count, 0);
                var image = gradInG + (long)n * g.InChannels * hw;
                var start = q0;
                ParallelRange.For(cinG, (long)taps * count, _plan.MaxDegreeOfParallelism, ci =>
                {
                    // col2im for one input channel: only its plane is written, so channels run in parallel.
                    var plane = image + (long)ci * hw;
                    for (var t = 0; t < taps; t++)
                    {
                        var row = ci * taps + t;
                        var src = columns + (long)row * count;
                        int rowDy = dy[row], rowDx = dx[row];
                        for (var q = 0; q < count; q++)
                        {
                            var pixel = start + q;
                            var oy = pixel / geo.OutWidth;
                            var iy = oy * geo.StrideH + rowDy;
                            var ix = (pixel - oy * geo.OutWidth) * geo.StrideW + rowDx;
                            if ((uint)iy < (uint)geo.InHeight && (uint)ix < (uint)geo.InWidth)
                            {
                                plane[(long)iy * geo.InWidth + ix] += src[q];
                            }
                        }
                    }
                });
            }
        }
    }

    /// <summary>
    /// Copies the kept taps of one group's weight (coutG x cinG x taps) into a dense matrix:
    /// by output, <c>[co, ci * T + t]</c> (forward); otherwise <c>[ci, co * T + t]</c> (stride-1 data gradient).
    /// </summary>
    private static unsafe void CompactWeight(float* weight, int coutG, int cinG, int khw, ReadOnlySpan<int> kept, float* dst, bool rowMajorByOutput)
    {
        var taps = kept.Length;
        for (var co = 0; co < coutG; co++)
        {
            for (var ci = 0; ci < cinG; ci++)
            {
                var src = weight + ((long)co * cinG + ci) * khw;
                var d = rowMajorByOutput ? dst + ((long)co * cinG + ci) * taps : dst + ((long)ci * coutG + co) * taps;
                for (var t = 0; t < taps; t++)
                {
                    d[t] = src[kept[t]];
                }
            }
        }
    }

    private void AccumulateBiasGradient(in Conv2dGeometry g, ReadOnlySpan<float> gradOutput, Span<float> gradBias)
    {
        var ohw = g.OutHeight * g.OutWidth;
        for (var co = 0; co < g.OutChannels; co++)
        {
            double sum = 0;
            for (var n = 0; n < g.Batch; n++)
            {
                var plane = gradOutput.Slice((n * g.OutChannels + co) * ohw, ohw);
                if (Level == SimdLevel.Scalar)
                {
                    foreach (var v in plane)
                    {
                        sum += v;
                    }
                }
                else
                {
                    sum += TensorPrimitives.Sum(plane);
                }
            }

            gradBias[co] += (float)sum;
        }
    }

    private static bool IsDepthwise(in Conv2dGeometry g) => g.Groups > 1 && g.Groups == g.InChannels && g.Groups == g.OutChannels;

    private static bool IsPointwise(in Conv2dGeometry g) =>
        g.KernelH == 1 && g.KernelW == 1 && g.StrideH == 1 && g.StrideW == 1 && g.PadH == 0 && g.PadW == 0;

    private static void ValidateConv(in Conv2dGeometry g, ReadOnlySpan<bool> tapMask)
    {
        g.Validate();
        if (!tapMask.IsEmpty && tapMask.Length != g.KernelH * g.KernelW)
        {
            throw new ArgumentException($"conv2d: tap mask has {tapMask.Length} entries, expected {g.KernelH * g.KernelW} ({g.KernelH}x{g.KernelW}) or none.", nameof(tapMask));
        }
    }
}
