using SemRestore.Tensors.Kernels;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Transposed convolution as in torch.nn.functional.conv_transpose2d: input (N, Cin, H, W), weight
    /// (Cin, Cout/groups, kH, kW), bias (Cout) or null; output (N, Cout, Hout, Wout) with
    /// <c>Hout = (H-1)*stride - 2*padding + dilation*(kH-1) + outputPadding + 1</c>.
    /// It is the data-gradient of the convolution whose input is the output, so it runs on the same kernels.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong ranks or channels, outputPadding not below stride or dilation.</exception>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0,
        int outputPadding = 0, int dilation = 1, int groups = 1)
    {
        RequireRank("conv_transpose2d", input, 4, nameof(input));
        RequireRank("conv_transpose2d", weight, 4, nameof(weight));
        if (weight.Dim(0) != input.Dim(1))
        {
            throw new ArgumentException($"conv_transpose2d: weight {weight.ShapeString} expects {weight.Dim(0)} input channels, but input {input.ShapeString} has {input.Dim(1)}.");
        }

        if (outputPadding < 0 || (outputPadding >= stride && outputPadding >= dilation))
        {
            throw new ArgumentOutOfRangeException(nameof(outputPadding), outputPadding, "conv_transpose2d: output padding must be >= 0 and smaller than stride or dilation.");
        }

        int kh = weight.Dim(2), kw = weight.Dim(3);
        var outH = (input.Dim(2) - 1) * stride - 2 * padding + dilation * (kh - 1) + outputPadding + 1;
        var outW = (input.Dim(3) - 1) * stride - 2 * padding + dilation * (kw - 1) + outputPadding + 1;
        var outChannels = weight.Dim(1) * groups;
        if (outH <= 0 || outW <= 0)
        {
            throw new ArgumentException($"conv_transpose2d: input {input.ShapeString} with weight {weight.ShapeString}, stride {stride}, padding {padding} gives an empty output {outH}x{outW}.");
        }

        // The equivalent forward convolution maps (N, Cout, outH, outW) -> (N, Cin, H, W) with weight
        // (Cin, Cout/groups, kH, kW), exactly this tensor's layout.
        var geometry = new Conv2dGeometry(input.Dim(0), outChannels, outH, outW, input.Dim(1), kh, kw,
            stride, stride, padding, padding, dilation, dilation, groups);
        ValidateConv("conv_transpose2d", geometry, input, weight, null, null);
        if (geometry.OutHeight != input.Dim(2) || geometry.OutWidth != input.Dim(3))
        {
            throw new ArgumentException($"conv_transpose2d: inconsistent geometry for input {input.ShapeString} and weight {weight.ShapeString}.");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Length != outChannels))
        {
            throw new ArgumentException($"conv_transpose2d: bias {bias.ShapeString} must have shape [{outChannels}].", nameof(bias));
        }

        var output = Tensor.Zeros(input.Dim(0), outChannels, outH, outW);
        ComputeKernels.Current.Conv2dBackwardData(geometry, input.Data, weight.Data, [], output.Data);
        if (bias is not null)
        {
            AddChannelBias(output.Data, bias.Data, input.Dim(0), outChannels, outH * outW);
        }

        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        if (!Autograd.ShouldRecord(inputs))
        {
            return output;
        }

        return Record(output, "conv_transpose2d", inputs, g =>
        {
            var kernels = ComputeKernels.Current;
            if (input.RequiresGrad)
            {
                using var dx = Tensor.EmptyUntracked(input.ShapeRef);
                kernels.Conv2dForward(geometry, g.Data, weight.Data, [], [], dx.Data);
                var acc = input.GradSpan();
                System.Numerics.Tensors.TensorPrimitives.Add(acc, dx.Data, acc);
            }

            if (weight.RequiresGrad)
            {
                kernels.Conv2dBackwardWeight(geometry, g.Data, input.Data, [], weight.GradSpan(), []);
            }

            if (bias is not null && bias.RequiresGrad)
            {
                AccumulateChannelSums(g.Data, input.Dim(0), outChannels, outH * outW, bias.GradSpan());
            }
        });
    }

    private static void AddChannelBias(Span<float> data, ReadOnlySpan<float> bias, int batch, int channels, int plane)
    {
        for (var n = 0; n < batch; n++)
        {
            for (var c = 0; c < channels; c++)
            {
                var p = data.Slice((n * channels + c) * plane, plane);
                System.Numerics.Tensors.TensorPrimitives.Add(p, bias[c], p);
            }
        }
    }
}
