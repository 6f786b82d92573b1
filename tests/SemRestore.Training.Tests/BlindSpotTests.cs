using SemRestore.Tensors;

namespace SemRestore.Training.Tests;

/// <summary>FBI-Net's blind spot survives training: the output at a pixel ignores that pixel's own input value.</summary>
[Trait("Category", "Integration")]
public sealed class BlindSpotTests
{
    [Fact]
    public void TrainedFbiNet_OutputAtAPixel_DoesNotDependOnThatInputPixel()
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory());
        var config = TinyTraining.Config(TinyTraining.NewDirectory(), "relaxed-n2n", "fbinet:layers=3,filters=8", iterations: 6);
        config.Validation.Every = 0;
        var settings = TrainingSetup.Create(config, data);
        new Trainer(settings).Run();
        var restored = Restorer.Load(config.Output);
        var module = restored.Model.Module;
        module.Eval();

        using var scope = new TensorScope();
        const int size = 24;
        var input = Tensor.Randn(5, 1, 1, size, size);
        var before = module.Forward(input).ToArray();
        foreach (var (x, y) in new[] { (12, 12), (0, 0), (23, 5) })
        {
            var changed = input.ToArray();
            changed[y * size + x] += 3f;
            var after = module.Forward(Tensor.FromArray(changed, 1, 1, size, size)).ToArray();
            Assert.Equal(before[y * size + x], after[y * size + x]);

            // The change does reach other pixels, so the equality above is the blind spot, not a dead network.
            Assert.Contains(Enumerable.Range(0, size * size), i => before[i] != after[i]);
        }
    }
}
