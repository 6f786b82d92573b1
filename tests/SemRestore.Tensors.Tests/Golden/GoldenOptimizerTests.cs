using SemRestore.Tensors;
using SemRestore.Tensors.Nn;
using SemRestore.Tensors.Optim;
using Xunit.Abstractions;

namespace SemRestore.Tensors.Tests.Golden;

/// <summary>10-step trajectories of torch.optim on SmallNet with an MSE loss (adam_golden.safetensors):
/// every parameter after every step within 1e-5 absolute.</summary>
public sealed class GoldenOptimizerTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyDictionary<string, Tensor>> s_fixture = new(() => GoldenFixtures.Load("adam_golden.safetensors").Tensors);

    private static readonly Dictionary<string, Func<IReadOnlyList<Parameter>, Optimizer>> s_optimizers = new()
    {
        ["adam"] = p => new Adam(p, 1e-2, 0.9, 0.99, 1e-8),
        ["adam_wd"] = p => new Adam(p, 1e-2, 0.9, 0.999, 1e-8, weightDecay: 0.1),
        ["adamw"] = p => new AdamW(p, 1e-2, 0.9, 0.999, 1e-8, weightDecay: 0.05),
        ["sgd"] = p => new Sgd(p, 5e-2, momentum: 0.9, dampening: 0.1, weightDecay: 1e-3),
        ["sgd_nesterov"] = p => new Sgd(p, 5e-2, momentum: 0.9, nesterov: true),
    };

    public static TheoryData<string> Names() => new(s_optimizers.Keys);

    [Theory]
    [Trait("Category", "Golden")]
    [MemberData(nameof(Names))]
    public void TenSteps_MatchTorchTrajectory(string name)
    {
        var fixture = s_fixture.Value;
        var net = new SmallNet();
        net.LoadStateDict(fixture.Where(kv => kv.Key.StartsWith("init.", StringComparison.Ordinal)).ToDictionary(kv => kv.Key[5..], kv => kv.Value));
        var optimizer = s_optimizers[name](net.Parameters());
        var x = fixture["x"];
        var t = fixture["t"];
        double worst = 0;
        for (var step = 0; step < 10; step++)
        {
            optimizer.ZeroGrad();
            using var scope = new TensorScope();
            var loss = Ops.Mean(Ops.Square(Ops.Sub(net.Forward(x), t)));
            Assert.Equal(fixture[$"{name}.loss{step}"].Item(), loss.Item(), 1e-5f);
            loss.Backward();
            optimizer.Step();
            foreach (var (key, p) in net.NamedParameters())
            {
                var expected = fixture[$"{name}.step{step}.{key}"].Data;
                for (var i = 0; i < expected.Length; i++)
                {
                    worst = Math.Max(worst, Math.Abs(p.Data[i] - expected[i]));
                }
            }
        }

        output.WriteLine($"{name}: worst parameter difference over 10 steps {worst:E2}");
        Assert.True(worst <= 1e-5, $"{name}: worst parameter difference {worst:E2}");
    }
}
