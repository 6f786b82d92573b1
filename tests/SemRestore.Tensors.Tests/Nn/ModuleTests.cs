using SemRestore.Tensors;
using SemRestore.Tensors.Nn;
using SemRestore.Tensors.Optim;
using SemRestore.Tensors.Safetensors;
using SemRestore.TestUtilities;
using Xunit.Abstractions;

namespace SemRestore.Tensors.Tests.Nn;

public sealed class ModuleTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Unit")]
    public void Sequential_NamesChildrenByIndex_AndCountsParameters()
    {
        var random = new Random(1);
        var net = new Sequential(new Conv2d(1, 4, 3, random, padding: 1), new LeakyReLU(0.1f), new BatchNorm2d(4), new Conv2d(4, 2, 1, random, bias: false));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "3.weight"], net.NamedParameters().Select(p => p.Key));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "3.weight", "2.running_mean", "2.running_var"], net.StateDict().Keys);
        Assert.Equal(36 + 4 + 4 + 4 + 8, net.ParameterCount);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Conv2d_DefaultInit_IsKaimingUniformWithPyTorchBounds()
    {
        var conv = new Conv2d(8, 16, 3, new Random(3));
        var bound = 1.0 / Math.Sqrt(8 * 9);
        Assert.All(conv.Weight.ToArray(), w => Assert.InRange(w, -bound, bound));
        Assert.All(conv.Bias!.ToArray(), b => Assert.InRange(b, -bound, bound));

        // Uniform(-b, b) has standard deviation b / sqrt(3).
        var w = conv.Weight.ToArray();
        var std = Math.Sqrt(w.Select(v => (double)v * v).Average());
        Assert.InRange(std, 0.9 * bound / Math.Sqrt(3), 1.1 * bound / Math.Sqrt(3));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void LoadStateDict_Strict_ListsEveryMissingUnexpectedAndMisshapedKey()
    {
        var net = new Sequential(new Conv2d(1, 4, 3, new Random(1)), new Conv2d(4, 2, 3, new Random(2)));
        var state = new Dictionary<string, Tensor>
        {
            ["0.weight"] = Tensor.Zeros(4, 1, 3, 3),
            ["0.bias"] = Tensor.Zeros(5),
            ["1.weight"] = Tensor.Zeros(2, 4, 3, 3),
            ["extra.weight"] = Tensor.Zeros(1),
        };
        var before = net.StateDict()["0.weight"].ToArray();
        var e = Assert.Throws<StateDictMismatchException>(() => net.LoadStateDict(state));
        Assert.Contains("missing keys: 1.bias", e.Message);
        Assert.Contains("unexpected keys: extra.weight", e.Message);
        Assert.Contains("0.bias expected [4] got [5]", e.Message);
        Assert.Equal(before, net.StateDict()["0.weight"].ToArray());

        var result = net.LoadStateDict(state, strict: false);
        Assert.Equal(["1.bias"], result.MissingKeys);
        Assert.All(net.StateDict()["0.weight"].ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void TrainEval_PropagatesToChildren_AndChangesBatchNormAndDropout()
    {
        var bn = new BatchNorm2d(2);
        var drop = new Dropout(0.5f, seed: 1);
        var net = new Sequential(bn, drop);
        var x = Tensor.Randn(4, 4, 2, 3, 3);
        net.Train();
        net.Forward(x);
        Assert.NotEqual(0f, bn.RunningMean.Data[0]);
        net.Eval();
        Assert.False(bn.IsTraining);
        Assert.False(drop.IsTraining);
        var mean = bn.RunningMean.ToArray();
        var y = drop.Forward(x);
        Assert.Equal(x.ToArray(), y.ToArray());
        net.Forward(x);
        Assert.Equal(mean, bn.RunningMean.ToArray());
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void RegisterModule_RejectsDuplicateAndDottedNames()
    {
        Assert.Throws<ArgumentException>(() => new BadModule("a.b"));
        Assert.Throws<ArgumentException>(() => new BadModule("dup"));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Sequential_UnderNoGrad_ReleasesIntermediatesButNotTheInput()
    {
        var random = new Random(2);
        var net = new Sequential(new Conv2d(1, 2, 3, random, padding: 1), new ReLU(), new Conv2d(2, 1, 3, random, padding: 1));
        var x = Tensor.Randn(1, 1, 1, 6, 6);
        using (Autograd.NoGrad())
        {
            var y = net.Forward(x);
            Assert.False(y.IsDisposed);
        }

        Assert.False(x.IsDisposed);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Training_SmallConvNet_OverfitsOnePair()
    {
        // A 3-layer conv net on one 16x16 noisy/clean pair: the loss drops 100x in a few seconds even with the
        // reference kernels (the U-Net version lives in Models.Tests and needs the fast kernels).
        var random = new Random(4);
        var net = new Sequential(
            new Conv2d(1, 8, 3, random, padding: 1), new LeakyReLU(0.1f),
            new Conv2d(8, 8, 3, random, padding: 1), new LeakyReLU(0.1f),
            new Conv2d(8, 1, 3, random, padding: 1));
        var clean = Tensor.Empty(1, 1, 16, 16);
        var noisy = Tensor.Empty(1, 1, 16, 16);
        for (var i = 0; i < clean.Length; i++)
        {
            clean.Data[i] = (float)(0.3 * Math.Sin(i % 16 * 0.4) * Math.Cos(i / 16 * 0.3));
            noisy.Data[i] = clean.Data[i] + (float)(0.2 * (random.NextDouble() - 0.5));
        }

        var optimizer = new Adam(net.Parameters(), 1e-2, 0.9, 0.99);
        var schedule = new WarmupSchedule(5, new CosineSchedule(195, 0.05));
        float first = 0, last = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var step = 0; step < 200; step++)
        {
            using var scope = new TensorScope();
            schedule.Apply(optimizer, 1e-2);
            optimizer.ZeroGrad();
            var loss = Ops.Mean(Ops.Square(Ops.Sub(net.Forward(noisy), clean)));
            loss.Backward();
            GradientClipping.ClipGradNorm(net.Parameters(), 10.0);
            optimizer.Step();
            last = loss.Item();
            if (step == 0)
            {
                first = last;
            }
        }

        output.WriteLine($"small conv net overfit: loss {first:E3} -> {last:E3} ({first / last:F0}x), {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(last * 100 <= first, $"loss fell only {first / last:F1}x");
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void OptimizerState_SavedAndLoaded_ResumesExactly()
    {
        var dir = TestPaths.NewTempDirectory();
        var x = Tensor.Randn(1, 2, 1, 8, 8);
        var t = Tensor.Randn(2, 2, 1, 8, 8);
        void Step(SmallNet net, Optimizer opt)
        {
            opt.ZeroGrad();
            Ops.Mean(Ops.Square(Ops.Sub(net.Forward(x), t))).Backward();
            opt.Step();
        }

        var a = new SmallNet(3);
        var optA = new Adam(a.Parameters(), 1e-2);
        for (var i = 0; i < 3; i++)
        {
            Step(a, optA);
        }

        Checkpoint.SaveModule(Path.Combine(dir, "m.safetensors"), a);
        Checkpoint.SaveOptimizer(Path.Combine(dir, "o.safetensors"), optA);
        var b = new SmallNet(9);
        var optB = new Adam(b.Parameters(), 0.5);
        Checkpoint.LoadModule(Path.Combine(dir, "m.safetensors"), b);
        Checkpoint.LoadOptimizer(Path.Combine(dir, "o.safetensors"), optB);
        Assert.Equal(3, optB.StepCount);
        Assert.Equal(1e-2, optB.LearningRate);
        for (var i = 0; i < 3; i++)
        {
            Step(a, optA);
            Step(b, optB);
        }

        foreach (var (name, p) in a.NamedParameters())
        {
            Assert.Equal(p.ToArray(), b.StateDict()[name].ToArray());
        }

        var wrong = new Sgd(b.Parameters(), 0.1);
        var e = Assert.Throws<ArgumentException>(() => Checkpoint.LoadOptimizer(Path.Combine(dir, "o.safetensors"), wrong));
        Assert.Contains("'adam'", e.Message);
    }

    private sealed class BadModule : Module
    {
        public BadModule(string name)
        {
            RegisterModule("dup", new ReLU());
            RegisterModule(name, new ReLU());
        }

        public override Tensor Forward(Tensor input) => input;
    }
}
