using SemRestore.Models.FbiNet;
using SemRestore.Tensors;
using SemRestore.Tensors.Safetensors;
using Xunit.Abstractions;
using FbiNetModel = SemRestore.Models.FbiNet.FbiNet;

namespace SemRestore.Models.Tests.FbiNet;

public sealed class FbiNetTests(ITestOutputHelper output)
{
    // Small width, full depth: the receptive field (radius 48 for L = 17) depends only on L.
    // PReLU slopes start at 0 (ReLU), where a narrow random net has dead units that hide dependencies from a
    // gradient probe; slopes of 0.5 keep every path alive.
    private static FbiNetModel Small(bool blind = true, int seed = 1)
    {
        var net = new FbiNetModel(new FbiNetOptions(Filters: 4, Layers: 17, Blind: blind, Seed: seed));
        foreach (var (name, p) in net.NamedParameters())
        {
            if (name.Contains("activation", StringComparison.Ordinal))
            {
                p.Data.Fill(0.5f);
            }
        }

        return net;
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void ParameterCount_IsThatOfTheReference()
    {
        // New1: 640 + 1 + RM 8448; New2: 102464 + 128 + 8448; 15 x New3: 36928 + 128 + 8448; final RM 8448 + 64 + 65.
        Assert.Equal(811_266, new FbiNetModel().ParameterCount);
        Assert.Equal(48, new FbiNetOptions().ReceptiveFieldRadius);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void ParameterNames_FollowTheReferenceCode()
    {
        var names = new FbiNetModel(new FbiNetOptions(Filters: 4, Layers: 4)).StateDict().Keys.ToHashSet();
        string[] expected =
        [
            "new1.new1.conv1.weight", "new1.new1.conv1.bias", "new1.activation_new1.weight",
            "new1.residual_module.conv1_1by1.weight", "new1.residual_module.activation1.weight", "new1.residual_module.activation2.weight",
            "new2.new2.conv1.weight", "new2.activation_new1.weight", "new2.activation_new2.weight", "new2.residual_module.conv2_1by1.bias",
            "new_0.new3.conv1.weight", "new_1.new3.conv1.bias", "residual_module.conv1_1by1.weight", "activation.weight",
            "output_layer.weight", "output_layer.bias",
        ];
        foreach (var name in expected)
        {
            Assert.Contains(name, names);
        }

        Assert.Equal([1], new FbiNetModel(new FbiNetOptions(Filters: 4, Layers: 4)).StateDict()["new1.activation_new1.weight"].Shape);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Output_AtAPixel_DoesNotDependOnThatInputPixel()
    {
        var net = Small();
        using var noGrad = Autograd.NoGrad();
        var x = Tensor.Randn(3, 1, 1, 41, 41);
        var before = net.Forward(x).ToArray();
        const int centre = 20 * 41 + 20;
        x.Data[centre] += 5f;
        var after = net.Forward(x).ToArray();

        // Masked taps are skipped, not multiplied by zero, so the blind pixel is bit-identical.
        Assert.Equal(before[centre], after[centre]);
        Assert.NotEqual(before[centre - 1], after[centre - 1]);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void NonBlindVariant_SeesTheCentrePixel()
    {
        var net = Small(blind: false);
        using var noGrad = Autograd.NoGrad();
        var x = Tensor.Randn(3, 1, 1, 21, 21);
        var before = net.Forward(x).ToArray();
        x.Data[10 * 21 + 10] += 5f;
        Assert.NotEqual(before[10 * 21 + 10], net.Forward(x).ToArray()[10 * 21 + 10]);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void ReceptiveField_HasRadius48()
    {
        // One output pixel's gradient w.r.t. the input is non-zero exactly where the input can influence it.
        var net = Small(seed: 4);
        const int size = 101, c = 50;
        var x = Tensor.Randn(5, 1, 1, size, size);
        x.RequiresGrad = true;
        var y = net.Forward(x);
        var seed = Tensor.Zeros(y.Shape);
        seed.Data[c * size + c] = 1f;
        y.Backward(seed);
        var g = x.Grad!.Data;
        var radius = 0;
        for (var i = 0; i < g.Length; i++)
        {
            if (g[i] != 0f)
            {
                radius = Math.Max(radius, Math.Max(Math.Abs(i / size - c), Math.Abs(i % size - c)));
            }
        }

        output.WriteLine($"FBI-Net receptive-field radius: {radius}");
        Assert.Equal(48, radius);
        Assert.Equal(0f, g[c * size + c]);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void MaskedTaps_StayZero_InWeightsAndGradientsAfterTraining()
    {
        var net = new FbiNetModel(new FbiNetOptions(Filters: 3, Layers: 4, Seed: 2));
        var optimizer = new SemRestore.Tensors.Optim.Adam(net.Parameters(), 1e-2);
        var x = Tensor.Randn(6, 1, 1, 16, 16);
        for (var step = 0; step < 3; step++)
        {
            optimizer.ZeroGrad();
            Ops.Mean(Ops.Square(Ops.Sub(net.Forward(x), x))).Backward();
            foreach (var layer in net.Layers)
            {
                AssertMasked(layer.Conv.Weight.Grad!, layer.Conv.Settings.TapMask!);
            }

            optimizer.Step();
        }

        foreach (var layer in net.Layers)
        {
            AssertMasked(layer.Conv.Weight, layer.Conv.Settings.TapMask!);
        }

        static void AssertMasked(Tensor t, bool[] mask)
        {
            var d = t.Data;
            for (var i = 0; i < d.Length; i++)
            {
                if (!mask[i % mask.Length])
                {
                    Assert.Equal(0f, d[i]);
                }
            }
        }
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void OutputAndGradients_MatchPyTorchTranslation()
    {
        var golden = ModelGolden.Load("fbinet_golden.safetensors").Tensors;
        var net = new FbiNetModel(new FbiNetOptions(Filters: 8, Layers: 5));
        var weights = golden.Where(kv => kv.Key.StartsWith("w.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key[2..], kv => kv.Value);
        Assert.True(net.LoadStateDict(weights).IsExact);
        var x = golden["x"].Clone();
        x.RequiresGrad = true;
        var y = net.Forward(x);
        y.Backward(golden["gy"]);
        var errors = new Dictionary<string, double>
        {
            ["y"] = ModelGolden.RelativeError(y.Data, golden["y"].Data),
            ["gx"] = ModelGolden.RelativeError(x.Grad!.Data, golden["gx"].Data),
        };
        foreach (var (name, p) in net.NamedParameters())
        {
            errors[name] = ModelGolden.RelativeError(p.Grad!.Data, golden[$"g.{name}"].Data);
        }

        var worst = errors.MaxBy(e => e.Value);
        output.WriteLine($"FBI-Net (F=8, L=5) vs PyTorch: worst relative error {worst.Value:E2} ({worst.Key}), output {errors["y"]:E2}");
        Assert.True(worst.Value <= ModelGolden.MaxRelativeError, $"worst {worst.Key}: {worst.Value:E2}");
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void SaveLoad_RoundTrip_ReproducesOutput()
    {
        var path = Path.Combine(SemRestore.TestUtilities.TestPaths.NewTempDirectory(), "fbi.safetensors");
        var a = Small(seed: 1);
        var b = Small(seed: 2);
        Checkpoint.SaveModule(path, a);
        Checkpoint.LoadModule(path, b);
        using var noGrad = Autograd.NoGrad();
        var x = Tensor.Randn(2, 1, 1, 12, 12);
        Assert.Equal(a.Forward(x).ToArray(), b.Forward(x).ToArray());
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Forward_RejectsWrongChannels()
    {
        var e = Assert.Throws<ArgumentException>(() => Small().Forward(Tensor.Zeros(1, 2, 8, 8)));
        Assert.Contains("[1, 2, 8, 8]", e.Message);
    }
}
