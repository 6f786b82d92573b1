using SemRestore.Tensors;
using static SemRestore.Tensors.Tests.TestTensors;

namespace SemRestore.Tensors.Tests.Operations;

/// <summary>One line per op: inputs and the function; <see cref="GradientChecker"/> does the rest.</summary>
public sealed class OpGradientTests
{
    private static readonly bool[] s_new1 = [true, true, true, true, false, true, true, true, true];

    private static readonly bool[] s_new2 =
    [
        false, true, false, true, false,
        true, false, false, false, true,
        false, false, true, false, false,
        true, false, false, false, true,
        false, true, false, true, false,
    ];

    private sealed record Case(Func<Tensor[]> Inputs, Func<Tensor[], Tensor> Op, int MaxProbes = 40);

    private static readonly Dictionary<string, Case> s_cases = new()
    {
        ["add"] = new(() => [Normal(1, 2, 3, 4), Normal(2, 2, 3, 4)], x => Ops.Add(x[0], x[1])),
        ["add_broadcast_channel"] = new(() => [Normal(1, 2, 3, 4, 5), Normal(2, 1, 3, 1, 1)], x => Ops.Add(x[0], x[1])),
        ["add_broadcast_both"] = new(() => [Normal(1, 2, 3, 1, 5), Normal(2, 4, 1)], x => Ops.Add(x[0], x[1])),
        ["sub_broadcast"] = new(() => [Normal(1, 3, 1), Normal(2, 2, 3, 4)], x => Ops.Sub(x[0], x[1])),
        ["mul_broadcast"] = new(() => [Normal(1, 2, 3, 4, 5), Normal(2, 1, 1, 4, 1)], x => Ops.Mul(x[0], x[1])),
        ["div_broadcast"] = new(() => [Normal(1, 2, 3, 5), Uniform(2, 0.5f, 1.5f, 3, 1)], x => Ops.Div(x[0], x[1])),
        ["mul_scalar_tensor"] = new(() => [Normal(1, 2, 3), Normal(2)], x => Ops.Mul(x[0], x[1].Reshape())),
        ["add_scalar"] = new(() => [Normal(1, 7)], x => x[0] + 2.5f),
        ["mul_scalar"] = new(() => [Normal(1, 7)], x => x[0] * -1.5f),
        ["rsub_scalar"] = new(() => [Normal(1, 7)], x => 3f - x[0]),
        ["rdiv_scalar"] = new(() => [Uniform(1, 0.5f, 2f, 7)], x => Ops.Div(2f, x[0])),
        ["neg"] = new(() => [Normal(1, 5)], x => -x[0]),
        ["square"] = new(() => [Normal(1, 2, 5)], x => Ops.Square(x[0])),
        ["pow"] = new(() => [Uniform(1, 0.5f, 2f, 2, 5)], x => Ops.Pow(x[0], 2.5f)),
        ["exp"] = new(() => [Normal(1, 2, 5)], x => Ops.Exp(x[0])),
        ["log"] = new(() => [Uniform(1, 0.5f, 3f, 2, 5)], x => Ops.Log(x[0])),
        ["sqrt"] = new(() => [Uniform(1, 0.5f, 3f, 2, 5)], x => Ops.Sqrt(x[0])),
        ["abs"] = new(() => [AwayFromZero(1, 2, 5)], x => Ops.Abs(x[0])),
        ["clamp"] = new(() => [AwayFromZero(1, 3, 7)], x => Ops.Clamp(x[0], -0.55f, 0.65f)),
        ["relu"] = new(() => [AwayFromZero(1, 2, 3, 5)], x => Ops.Relu(x[0])),
        ["leaky_relu"] = new(() => [AwayFromZero(1, 2, 3, 5)], x => Ops.LeakyRelu(x[0], 0.1f)),
        ["prelu_channel"] = new(() => [AwayFromZero(1, 2, 3, 2, 3), Uniform(2, 0f, 0.5f, 3)], x => Ops.Prelu(x[0], x[1])),
        ["prelu_shared"] = new(() => [AwayFromZero(1, 2, 3, 2, 3), Uniform(2, 0f, 0.5f, 1)], x => Ops.Prelu(x[0], x[1])),
        ["sigmoid"] = new(() => [Normal(1, 2, 5)], x => Ops.Sigmoid(x[0])),
        ["tanh"] = new(() => [Normal(1, 2, 5)], x => Ops.Tanh(x[0])),
        ["gelu"] = new(() => [Normal(1, 2, 5)], x => Ops.Gelu(x[0])),
        ["sum_all"] = new(() => [Normal(1, 2, 3, 4)], x => Ops.Sum(x[0])),
        ["mean_all"] = new(() => [Normal(1, 2, 3, 4)], x => Ops.Mean(x[0])),
        ["sum_axes"] = new(() => [Normal(1, 2, 3, 4, 5)], x => Ops.Sum(x[0], [1, 3])),
        ["mean_axes_keep"] = new(() => [Normal(1, 2, 3, 4, 5)], x => Ops.Mean(x[0], [0, -2], keepDims: true)),
        ["conv2d_3x3_pad1"] = new(() => [Normal(1, 2, 3, 6, 7), Normal(2, 4, 3, 3, 3), Normal(3, 4)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 1)),
        ["conv2d_stride2_odd"] = new(() => [Normal(1, 1, 2, 9, 7), Normal(2, 3, 2, 3, 3), Normal(3, 3)], x => Ops.Conv2d(x[0], x[1], x[2], stride: 2, padding: 1)),
        ["conv2d_dilation2"] = new(() => [Normal(1, 1, 2, 9, 8), Normal(2, 2, 2, 3, 3), Normal(3, 2)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 2, dilation: 2)),
        ["conv2d_groups2"] = new(() => [Normal(1, 1, 4, 5, 5), Normal(2, 6, 2, 3, 3), Normal(3, 6)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 1, groups: 2)),
        ["conv2d_depthwise"] = new(() => [Normal(1, 2, 3, 5, 6), Normal(2, 3, 1, 3, 3), Normal(3, 3)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 1, groups: 3)),
        ["conv2d_1x1_nobias"] = new(() => [Normal(1, 2, 3, 4, 5), Normal(2, 5, 3, 1, 1)], x => Ops.Conv2d(x[0], x[1])),
        ["conv2d_5x3_asymmetric"] = new(() => [Normal(1, 1, 2, 8, 9), Normal(2, 2, 2, 5, 3), Normal(3, 2)], x => Ops.Conv2d(x[0], x[1], x[2], new Conv2dSettings(StrideH: 1, StrideW: 2, PadH: 2, PadW: 1))),
        ["conv2d_reflect"] = new(() => [Normal(1, 1, 2, 5, 6), Normal(2, 2, 2, 3, 3), Normal(3, 2)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 1, paddingMode: PaddingMode.Reflect)),
        ["conv2d_replicate"] = new(() => [Normal(1, 1, 2, 5, 6), Normal(2, 2, 2, 3, 3), Normal(3, 2)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 2, dilation: 2, paddingMode: PaddingMode.Replicate)),
        ["conv2d_mask_new1"] = new(() => [Normal(1, 1, 2, 6, 5), Normal(2, 3, 2, 3, 3), Normal(3, 3)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 1, tapMask: s_new1)),
        ["conv2d_mask_new2"] = new(() => [Normal(1, 1, 2, 7, 6), Normal(2, 2, 2, 5, 5), Normal(3, 2)], x => Ops.Conv2d(x[0], x[1], x[2], padding: 2, tapMask: s_new2)),
        ["conv_transpose2d_stride2"] = new(() => [Normal(1, 2, 3, 3, 4), Normal(2, 3, 2, 3, 3), Normal(3, 2)], x => Ops.ConvTranspose2d(x[0], x[1], x[2], stride: 2, padding: 1, outputPadding: 1)),
        ["conv_transpose2d_groups"] = new(() => [Normal(1, 1, 4, 3, 3), Normal(2, 4, 1, 2, 2), Normal(3, 2)], x => Ops.ConvTranspose2d(x[0], x[1], x[2], stride: 2, groups: 2)),
        ["max_pool2d_2"] = new(() => [Distinct(1, 2, 2, 6, 7)], x => Ops.MaxPool2d(x[0], 2)),
        ["max_pool2d_3s2p1"] = new(() => [Distinct(1, 1, 2, 7, 6)], x => Ops.MaxPool2d(x[0], 3, 2, 1)),
        ["avg_pool2d_2"] = new(() => [Normal(1, 2, 2, 6, 7)], x => Ops.AvgPool2d(x[0], 2)),
        ["avg_pool2d_3s2p1"] = new(() => [Normal(1, 1, 2, 7, 6)], x => Ops.AvgPool2d(x[0], 3, 2, 1)),
        ["global_avg_pool2d"] = new(() => [Normal(1, 2, 3, 4, 5)], x => Ops.GlobalAvgPool2d(x[0])),
        ["upsample_nearest2"] = new(() => [Normal(1, 2, 2, 3, 4)], x => Ops.UpsampleNearest(x[0], 2)),
        ["upsample_bilinear2"] = new(() => [Normal(1, 2, 2, 3, 4)], x => Ops.UpsampleBilinear(x[0], 2)),
        ["upsample_bilinear_odd"] = new(() => [Normal(1, 1, 2, 4, 3)], x => Ops.UpsampleBilinear(x[0], 7, 5)),
        ["pixel_shuffle"] = new(() => [Normal(1, 2, 8, 2, 3)], x => Ops.PixelShuffle(x[0], 2)),
        ["pixel_unshuffle"] = new(() => [Normal(1, 2, 2, 4, 6)], x => Ops.PixelUnshuffle(x[0], 2)),
        ["concat_channels"] = new(() => [Normal(1, 2, 3, 2, 3), Normal(2, 2, 1, 2, 3)], x => Ops.Concat(1, x[0], x[1])),
        ["split_second"] = new(() => [Normal(1, 2, 5, 3)], x => Ops.Split(x[0], 1, 2, 3)[1]),
        ["slice_h"] = new(() => [Normal(1, 2, 2, 6, 3)], x => Ops.Slice(x[0], 2, 1, 4)),
        ["pad_zeros"] = new(() => [Normal(1, 1, 2, 3, 4)], x => Ops.Pad(x[0], 1, 2, 2, 1)),
        ["pad_reflect"] = new(() => [Normal(1, 1, 2, 4, 5)], x => Ops.Pad(x[0], 2, 3, 3, 1, PaddingMode.Reflect)),
        ["pad_replicate"] = new(() => [Normal(1, 1, 2, 3, 4)], x => Ops.Pad(x[0], 3, 1, 2, 4, PaddingMode.Replicate)),
        ["crop"] = new(() => [Normal(1, 1, 2, 6, 7)], x => Ops.Crop(x[0], 1, 2, 3, 4)),
        ["reshape"] = new(() => [Normal(1, 2, 3, 4)], x => Ops.Reshape(x[0], 4, -1) * 1.5f),
        ["permute"] = new(() => [Normal(1, 2, 3, 4, 5)], x => Ops.Permute(x[0], 0, 2, 3, 1)),
        ["transpose"] = new(() => [Normal(1, 2, 3, 4)], x => Ops.Transpose(x[0], 1, 2)),
        ["layer_norm2d"] = new(() => [Normal(1, 2, 5, 3, 2), Normal(2, 5), Normal(3, 5)], x => Ops.LayerNorm2d(x[0], x[1], x[2])),
        ["batch_norm2d_train"] = new(() => [Normal(1, 3, 2, 3, 2), Normal(2, 2), Normal(3, 2)], x => Ops.BatchNorm2d(x[0], Tensor.Zeros(2), Tensor.Ones(2), x[1], x[2], training: true)),
        ["batch_norm2d_eval"] = new(() => [Normal(1, 3, 2, 3, 2), Normal(2, 2), Normal(3, 2)], x => Ops.BatchNorm2d(x[0], Tensor.Full(0.3f, 2), Tensor.Full(1.7f, 2), x[1], x[2], training: false)),
        ["dropout"] = new(() => [Normal(1, 2, 3, 4)], x => Ops.Dropout(x[0], 0.3f, training: true, new Random(5))),
        ["matmul_batched"] = new(() => [Normal(1, 2, 3, 4), Normal(2, 2, 4, 5)], x => Ops.MatMul(x[0], x[1])),
        ["matmul_shared_b"] = new(() => [Normal(1, 2, 2, 3, 4), Normal(2, 4, 2)], x => Ops.MatMul(x[0], x[1])),
        ["softmax_last"] = new(() => [Normal(1, 2, 3, 5)], x => Ops.Softmax(x[0])),
        ["softmax_axis1"] = new(() => [Normal(1, 2, 4, 3)], x => Ops.Softmax(x[0], 1)),
    };

    public static TheoryData<string> CaseNames() => new(s_cases.Keys);

    [Theory]
    [Trait("Category", "Gradient")]
    [MemberData(nameof(CaseNames))]
    public void Backward_MatchesFiniteDifferences(string name)
    {
        var c = s_cases[name];
        GradientChecker.Check(name, c.Op, c.Inputs(), c.MaxProbes);
    }
}
