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
}
