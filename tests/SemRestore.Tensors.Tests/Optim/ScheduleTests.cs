using SemRestore.Tensors;
using SemRestore.Tensors.Nn;
using SemRestore.Tensors.Optim;

namespace SemRestore.Tensors.Tests.Optim;

public sealed class ScheduleTests
{
    [Theory]
    [Trait("Category", "Unit")]
    [InlineData(0, 1.0)]
    [InlineData(9, 1.0)]
    [InlineData(10, 0.5)]
    [InlineData(25, 0.25)]
    public void Step_HalvesEveryN(long step, double factor) => Assert.Equal(factor, new StepSchedule(10, 0.5).Factor(step), 12);

    [Fact]
    [Trait("Category", "Unit")]
    public void MultiStep_CountsPassedMilestones()
    {
        var s = new MultiStepSchedule([3, 7], 0.1);
        Assert.Equal([1, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.01], Enumerable.Range(0, 8).Select(i => Math.Round(s.Factor(i), 12)));
        Assert.Throws<ArgumentException>(() => new MultiStepSchedule([5, 5]));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Cosine_MatchesClosedForm_AndHoldsAtTheEnd()
    {
        var s = new CosineSchedule(100, 0.1);
        Assert.Equal(1.0, s.Factor(0), 12);
        Assert.Equal(0.1 + 0.9 * 0.5, s.Factor(50), 12);
        Assert.Equal(0.1, s.Factor(100), 12);
        Assert.Equal(0.1, s.Factor(500), 12);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Warmup_RampsLinearlyThenDelegatesFromZero()
    {
        var s = new WarmupSchedule(4, new StepSchedule(2, 0.5), startFactor: 0.2);
        Assert.Equal([0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 0.5], Enumerable.Range(0, 7).Select(i => Math.Round(s.Factor(i), 12)));
        Assert.Equal(0.5 * 0.5, new ProductSchedule(new StepSchedule(1, 0.5), new StepSchedule(1, 0.5)).Factor(1), 12);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Apply_SetsOptimizerLearningRateFromStepCount()
    {
        var p = new Parameter(Tensor.Ones(1));
        var opt = new Sgd([p], 1.0);
        var s = new StepSchedule(1, 0.5);
        p.GradSpan()[0] = 1f;
        opt.Step();
        opt.Step();
        s.Apply(opt, 0.8);
        Assert.Equal(0.2, opt.LearningRate, 12);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void ClipGradNorm_ScalesToMaxNorm_AndReportsTotal()
    {
        var a = new Parameter(Tensor.Ones(1));
        var b = new Parameter(Tensor.Ones(1));
        a.GradSpan()[0] = 3f;
        b.GradSpan()[0] = 4f;
        var total = GradientClipping.ClipGradNorm([a, b], 1.0);
        Assert.Equal(5.0, total, 6);
        Assert.Equal(0.6f, a.Grad!.Item(), 5);
        Assert.Equal(0.8f, b.Grad!.Item(), 5);
        Assert.Equal(1.0, GradientClipping.ClipGradNorm([a, b], 10.0), 5);
        Assert.Equal(0.6f, a.Grad!.Item(), 5);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Optimizers_RejectBadSettings()
    {
        var p = new[] { new Parameter(Tensor.Ones(1)) };
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, 1e-3, beta1: 1.0));
        Assert.Throws<ArgumentException>(() => new Sgd(p, 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => new Adam(Array.Empty<Parameter>()));
    }
}
