using SemRestore.Tensors.Kernels;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>2-D convolution with square stride/padding/dilation; see <see cref="Conv2d(Tensor, Tensor, Tensor?, Conv2dSettings)"/>.</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0,
        int dilation = 1, int groups = 1, PaddingMode paddingMode = PaddingMode.Zeros, bool[]? tapMask = null) =>
        Conv2d(input, weight, bias, Conv2dSettings.Square(stride, padding, dilation, groups, paddingMode, tapMask));

    /// <summary>
    /// Cross-correlation as in torch.nn.functional.conv2d: input (N, Cin, H, W), weight
    /// (Cout, Cin/groups, kH, kW), bias (Cout) or null; output (N, Cout, Hout, Wout). Computed by
    /// <see cref="ComputeKernels.Current"/>. Reflect/replicate padding is an explicit <see cref="Pad"/> first.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong ranks, channel/group mismatch, bad mask length, or an input
    /// too small for the kernel (the message names the shapes).</exception>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, Conv2dSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireRank("conv2d", input, 4, nameof(input));
        RequireRank("conv2d", weight, 4, nameof(weight));
        var x = input;
        var padH = settings.PadH;
        var padW = settings.PadW;
        if (settings.PaddingMode != PaddingMode.Zeros && (padH > 0 || padW > 0))
        {
            x = Pad(input, padW, padW, padH, padH, settings.PaddingMode);
            padH = padW = 0;
        }

        var geometry = new Conv2dGeometry(
            x.Dim(0), x.Dim(1), x.Dim(2), x.Dim(3), weight.Dim(0), weight.Dim(2), weight.Dim(3),
            settings.StrideH, settings.StrideW, padH, padW, settings.DilationH, settings.DilationW, settings.Groups);
        ValidateConv("conv2d", geometry, x, weight, bias, settings.TapMask);
        var mask = settings.TapMask is null ? ReadOnlyMemory<bool>.Empty : settings.TapMask.ToArray();

        var output = Tensor.Empty(geometry.Batch, geometry.OutChannels, geometry.OutHeight, geometry.OutWidth);
        ComputeKernels.Current.Conv2dForward(geometry, x.Data, weight.Data, bias is null ? [] : bias.Data, mask.Span, output.Data);
        Tensor[] inputs = bias is null ? [x, weight] : [x, weight, bias];
        if (!Autograd.ShouldRecord(inputs))
        {
            return output;
        }

        return Record(output, "conv2d", inputs, g =>
        {
            var kernels = ComputeKernels.Current;
            if (x.RequiresGrad)
            {
                kernels.Conv2dBackwardData(geometry, g.Data, weight.Data, mask.Span, x.GradSpan());
            }

            var biasNeedsGrad = bias is not null && bias.RequiresGrad;
            if (weight.RequiresGrad)
            {
                kernels.Conv2dBackwardWeight(geometry, x.Data, g.Data, mask.Span, weight.GradSpan(), biasNeedsGrad ? bias!.GradSpan() : []);
            }
            else if (biasNeedsGrad)
            {
                AccumulateChannelSums(g.Data, geometry.Batch, geometry.OutChannels, geometry.OutHeight * geometry.OutWidth, bias!.GradSpan());
            }
        });
    }

    private static void ValidateConv(string op, in Conv2dGeometry geometry, Tensor input, Tensor weight, Tensor? bias, bool[]? tapMask)
    {
        if (geometry.Groups <= 0 || geometry.InChannels % geometry.Groups != 0 || geometry.OutChannels % geometry.Groups != 0)
        {
            throw new ArgumentException($"{op}: input {input.ShapeString} and weight {weight.ShapeString}: channels are not divisible by groups {geometry.Groups}.");
        }

        if (op == "conv2d" && weight.Dim(1) != geometry.InChannelsPerGroup)
        {
            throw new ArgumentException($"{op}: weight {weight.ShapeString} expects {weight.Dim(1) * geometry.Groups} input channels (groups {geometry.Groups}), but input {input.ShapeString} has {input.Dim(1)}.");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Length != geometry.OutChannels))
        {
            throw new ArgumentException($"{op}: bias {bias.ShapeString} must have shape [{geometry.OutChannels}] (output channels of weight {weight.ShapeString}).", nameof(bias));
        }

        if (tapMask is not null && tapMask.Length != geometry.KernelH * geometry.KernelW)
        {
            throw new ArgumentException($"{op}: tap mask has {tapMask.Length} entries, expected {geometry.KernelH * geometry.KernelW} for kernel {geometry.KernelH}x{geometry.KernelW}.", nameof(tapMask));
        }

        try
        {
            geometry.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{op}: input {input.ShapeString}, weight {weight.ShapeString}: {e.Message}", e);
        }
    }

    /// <summary>dst[c] += sum of the (n, c) planes of <paramref name="g"/> (double accumulation, fixed order).</summary>
    private static void AccumulateChannelSums(ReadOnlySpan<float> g, int batch, int channels, int plane, Span<float> dst)
    {
        for (var c = 0; c < channels; c++)
        {
            double sum = 0;
            for (var n = 0; n < batch; n++)
            {
                sum += SumDouble(g.Slice((n * channels + c) * plane, plane));
            }

            dst[c] += (float)sum;
        }
    }
}
