using SemRestore.Tensors;
using T = SemRestore.Tensors.Ops;

namespace SemRestore.Tensors.Tests.Golden;

/// <summary>Each op against PyTorch 1.13 (ops.safetensors): outputs and input gradients for a given upstream
/// gradient, max relative error &lt;= 1e-4 (see <see cref="GoldenFixtures.RelativeError"/>).</summary>
public sealed class GoldenOpTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyDictionary<string, Tensor>> s_fixture = new(() => GoldenFixtures.Load("ops.safetensors").Tensors);

    private static readonly bool[] s_new1 = [true, true, true, true, false, true, true, true, true];

    private static readonly bool[] s_new2 =
    [
        false, true, false, true, false, true, false, false, false, true, false, false, true, false, false,
        true, false, false, false, true, false, true, false, true, false,
    ];

    // Mirrors OPS in make_golden.py line by line.
    private static readonly Dictionary<string, Func<Tensor[], Tensor>> s_ops = new()
    {
        ["add_broadcast"] = x => T.Add(x[0], x[1]),
        ["sub_broadcast"] = x => T.Sub(x[0], x[1]),
        ["mul_broadcast"] = x => T.Mul(x[0], x[1]),
        ["div_broadcast"] = x => T.Div(x[0], x[1]),
        ["scalar_chain"] = x => (3f - x[0] * 1.5f + 2.5f) / 0.7f,
        ["rdiv"] = x => T.Div(2f, x[0]),
        ["relu"] = x => T.Relu(x[0]),
        ["leaky_relu"] = x => T.LeakyRelu(x[0], 0.1f),
        ["prelu"] = x => T.Prelu(x[0], x[1]),
        ["sigmoid"] = x => T.Sigmoid(x[0]),
        ["tanh"] = x => T.Tanh(x[0]),
        ["gelu"] = x => T.Gelu(x[0]),
        ["exp"] = x => T.Exp(x[0]),
        ["log"] = x => T.Log(x[0]),
        ["sqrt"] = x => T.Sqrt(x[0]),
        ["abs"] = x => T.Abs(x[0]),
        ["pow"] = x => T.Pow(x[0], 2.5f),
        ["clamp"] = x => T.Clamp(x[0], -0.55f, 0.65f),
        ["sum_axes"] = x => T.Sum(x[0], [1, 3]),
        ["mean_keep"] = x => T.Mean(x[0], [0, 2], keepDims: true),
        ["mean_all"] = x => T.Mean(x[0]).Reshape(1),
        ["conv2d_3x3"] = x => T.Conv2d(x[0], x[1], x[2], padding: 1),
        ["conv2d_stride2"] = x => T.Conv2d(x[0], x[1], x[2], stride: 2, padding: 1),
        ["conv2d_dilation"] = x => T.Conv2d(x[0], x[1], x[2], padding: 3, dilation: 3),
        ["conv2d_groups"] = x => T.Conv2d(x[0], x[1], x[2], padding: 1, groups: 2),
        ["conv2d_depthwise"] = x => T.Conv2d(x[0], x[1], x[2], padding: 2, groups: 3),
        ["conv2d_reflect"] = x => T.Conv2d(x[0], x[1], x[2], padding: 1, paddingMode: PaddingMode.Reflect),
        ["conv2d_replicate"] = x => T.Conv2d(x[0], x[1], x[2], padding: 2, dilation: 2, paddingMode: PaddingMode.Replicate),
        ["conv2d_mask_new1"] = x => T.Conv2d(x[0], x[1], x[2], padding: 1, tapMask: s_new1),
        ["conv2d_mask_new2"] = x => T.Conv2d(x[0], x[1], x[2], padding: 2, tapMask: s_new2),
        ["conv_transpose2d"] = x => T.ConvTranspose2d(x[0], x[1], x[2], stride: 2, padding: 1, outputPadding: 1),
        ["max_pool2d"] = x => T.MaxPool2d(x[0], 2),
        ["max_pool2d_3s2p1"] = x => T.MaxPool2d(x[0], 3, 2, 1),
        ["avg_pool2d"] = x => T.AvgPool2d(x[0], 2),
        ["avg_pool2d_3s2p1"] = x => T.AvgPool2d(x[0], 3, 2, 1),
        ["global_avg_pool"] = x => T.GlobalAvgPool2d(x[0]),
        ["upsample_nearest"] = x => T.UpsampleNearest(x[0], 2),
        ["upsample_bilinear"] = x => T.UpsampleBilinear(x[0], 2),
        ["upsample_bilinear_size"] = x => T.UpsampleBilinear(x[0], 7, 5),
        ["pixel_shuffle"] = x => T.PixelShuffle(x[0], 2),
        ["pixel_unshuffle"] = x => T.PixelUnshuffle(x[0], 2),
        ["concat"] = x => T.Concat(1, x[0], x[1]),
        ["slice"] = x => T.Slice(x[0], 2, 1, 4),
        ["pad_reflect"] = x => T.Pad(x[0], 2, 3, 3, 1, PaddingMode.Reflect),
        ["pad_replicate"] = x => T.Pad(x[0], 3, 1, 2, 4, PaddingMode.Replicate),
        ["pad_zeros"] = x => T.Pad(x[0], 1, 2, 2, 1),
        ["permute"] = x => T.Permute(x[0], 0, 2, 3, 1),
        ["layer_norm2d"] = x => T.LayerNorm2d(x[0], x[1], x[2]),
        ["batch_norm_train"] = x => T.BatchNorm2d(x[0], Tensor.Zeros(2), Tensor.Ones(2), x[1], x[2], training: true),
        ["batch_norm_eval"] = x => T.BatchNorm2d(x[0], Tensor.Full(0.3f, 2), Tensor.Full(1.7f, 2), x[1], x[2], training: false),
        ["matmul"] = x => T.MatMul(x[0], x[1]),
        ["softmax"] = x => T.Softmax(x[0]),
        ["softmax_axis1"] = x => T.Softmax(x[0], 1),
    };

    public static TheoryData<string> OpNames() => new(s_ops.Keys);

    [Theory]
    [Trait("Category", "Golden")]
    [MemberData(nameof(OpNames))]
    public void OutputAndGradients_MatchPyTorch(string name)
    {
        var fixture = s_fixture.Value;
        var inputs = new List<Tensor>();
        for (var i = 0; fixture.ContainsKey($"{name}.x{i}"); i++)
        {
            var x = fixture[$"{name}.x{i}"].Clone();
            x.RequiresGrad = true;
            inputs.Add(x);
        }

        Assert.NotEmpty(inputs);
        var y = s_ops[name](inputs.ToArray());
        var expectedY = fixture[$"{name}.y"];
        Assert.True(y.SameShape(expectedY), $"{name}: output shape {y.ShapeString}, torch {expectedY.ShapeString}");
        var errors = new List<string>();
        var worst = GoldenFixtures.RelativeError(y.Data, expectedY.Data);
        errors.Add($"y {worst:E2}");
        y.Backward(fixture[$"{name}.gy"]);
        for (var i = 0; i < inputs.Count; i++)
        {
            var err = GoldenFixtures.RelativeError(inputs[i].Grad!.Data, fixture[$"{name}.gx{i}"].Data);
            errors.Add($"gx{i} {err:E2}");
            worst = Math.Max(worst, err);
        }

        output.WriteLine($"golden {name}: worst {worst:E2} ({string.Join(", ", errors)})");
        Assert.True(worst <= GoldenFixtures.MaxRelativeError, $"{name}: relative errors {string.Join(", ", errors)}");
    }
}
