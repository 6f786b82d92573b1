using SemRestore.Tensors;
using SemRestore.Tensors.Safetensors;
using SemRestore.TestUtilities;

namespace SemRestore.Models.Tests;

[Trait("Category", "Unit")]
public sealed class ModelRegistryTests
{
    /// <summary>A small configuration of every registered network, so the generic tests stay fast.</summary>
    public static readonly Dictionary<string, string> SmallSpecs = new()
    {
        ["dncnn"] = "dncnn:layers=4,channels=8",
        ["fbinet"] = "fbinet:layers=4,filters=8",
        ["unet"] = "unet",
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in ModelRegistry.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryModel_HasASmallTestSpec(string name) => Assert.True(SmallSpecs.ContainsKey(name), $"add a small spec for {name}");

    [Theory]
    [MemberData(nameof(Names))]
    public void SaveThenLoad_ReproducesTheOutput(string name)
    {
        using var scope = new TensorScope();
        var model = ModelRegistry.Create(SmallSpecs[name], 1);
        var other = ModelRegistry.Create(SmallSpecs[name], 2);
        model.Module.Eval();
        other.Module.Eval();
        var side = Math.Max(32, model.SizeMultiple);
        var input = Tensor.Randn(9, 1, 1, side, side);
        var expected = model.Module.Forward(input).ToArray();
        var path = Path.Combine(TestPaths.NewTempDirectory(), "m.safetensors");
        Checkpoint.SaveModule(path, model.Module);
        Checkpoint.LoadModule(path, other.Module);
        Assert.Equal(expected, other.Module.Forward(input).ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CanonicalSpec_RebuildsTheSameArchitecture(string name)
    {
        var model = ModelRegistry.Create(SmallSpecs[name], 1);
        var rebuilt = ModelRegistry.Create(model.Spec, 1);
        Assert.Equal(model.Spec, rebuilt.Spec);
        Assert.Equal(model.ParameterCount, rebuilt.ParameterCount);
        Assert.True(model.ParameterCount > 0);
    }

    [Fact]
    public void UnknownModel_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelRegistry.Create("resnet", 0));
        Assert.Contains("dncnn", error.Message);
    }

    [Fact]
    public void UnknownOption_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelRegistry.Create("dncnn:depth=3", 0));
        Assert.Contains("unknown parameter", error.Message);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void UNetHalo_CoversTheMeasuredReachOfAOnePixelChange()
    {
        // A 32 x 384 strip keeps the cost low; the network treats rows and columns alike, so the vertical reach is its reach.
        using var scope = new TensorScope();
        var model = ModelRegistry.Create("unet", 7);
        model.Module.Eval();
        const int height = 384, width = 32, row = 192;
        var input = Tensor.Randn(3, 1, 1, height, width);
        var before = model.Module.Forward(input).ToArray();
        var changed = input.ToArray();
        changed[row * width + 16] += 1f;
        var after = model.Module.Forward(Tensor.FromArray(changed, 1, 1, height, width)).ToArray();
        var reach = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] != after[i])
            {
                reach = Math.Max(reach, Math.Abs(i / width - row));
            }
        }

        Assert.Equal(ModelRegistry.UNetMeasuredReach, reach);
        Assert.True(reach <= model.Halo, $"reach {reach} exceeds the declared halo {model.Halo}");
        Assert.Equal(0, model.Halo % model.SizeMultiple);
    }

    [Fact]
    public void FbiNet_DeclaresItsReceptiveField()
    {
        var model = ModelRegistry.Create("fbinet", 0);
        Assert.Equal(48, model.Halo);
        Assert.Equal("fbinet:layers=17,filters=64,mul=1,blind=true", model.Spec);
        Assert.Equal("fbinet:layers=17,filters=64,mul=1,blind=false", ModelRegistry.Create("fbinet:blind=false", 0).Spec);
    }
}
