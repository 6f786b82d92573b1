using SemRestore.Imaging;
using SemRestore.Metrics;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests;

/// <summary>Each scheme, a few dozen steps on small synthetic scenes: the loss falls and the output beats the noisy input.</summary>
[Trait("Category", "EndToEnd")]
[Trait("Category", "Slow")]
public sealed class SchemeEndToEndTests
{
    public static TheoryData<string, string> Schemes => new()
    {
        { "supervised", "mse" },
        { "n2n", "mse" },
        { "relaxed-n2n", "mse" },
        { "n2v:perc=5", "mse" },
        { "synthetic:noise=gaussian:std=0.1", "mse" },
        { "supervised:target=clean", "charbonnier+0.5*msssim:win=5+0.1*edge" },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Scheme_LowersItsLoss_AndBeatsTheNoisyInput(string scheme, string loss)
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory(), sigma: 0.15);
        var config = TinyTraining.Config(TinyTraining.NewDirectory(), scheme, "dncnn:layers=4,channels=12,bn=false", iterations: 60, loss: loss);
        config.Validation.Every = 60;
        config.LogEvery = 5;
        config.Optimizer = "adam:lr=3e-3";
        config.Data.PatchSize = 32;
        var settings = TrainingSetup.Create(config, data);

        var result = new Trainer(settings).Run();

        var losses = File.ReadAllLines(Path.Combine(config.Output, "log.csv")).Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var early = losses.Take(3).Average();
        var late = losses.TakeLast(3).Average();
        Assert.True(late < early, $"{scheme}: loss {early:G4} -> {late:G4} did not fall");

        var validation = settings.Validation[0];
        var noisyPsnr = PsnrMetric.Compute(
            new GrayImage(validation.Width, validation.Height, validation.Input),
            new GrayImage(validation.Width, validation.Height, validation.Reference), 1.0);
        Assert.True(result.BestValidationPsnr > noisyPsnr + 0.5,
            $"{scheme}: model {result.BestValidationPsnr:F2} dB vs noisy input {noisyPsnr:F2} dB");
    }

    /// <summary>
    /// Input dropout (60 % of the input zeroed) is a modifier: a network must learn to fill the holes, which takes far
    /// more than a few dozen steps (ReNIn trains 10 epochs), so this test asserts direction only: the loss falls and the
    /// validation PSNR rises above the untrained network's. The dropout statistics themselves are unit-tested.
    /// </summary>
    [Fact]
    public void InputDropout_LowersItsLoss_AndImprovesOnTheUntrainedNetwork()
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory(), sigma: 0.15);
        var config = TinyTraining.Config(TinyTraining.NewDirectory(), "relaxed-n2n+input-dropout", "dncnn:layers=4,channels=12,bn=false,residual=false", iterations: 60);
        config.Validation.Every = 60;
        config.LogEvery = 5;
        config.Data.PatchSize = 32;
        var settings = TrainingSetup.Create(config, data);
        var validation = settings.Validation[0];
        var untrained = new Restorer(settings.Model, settings.Normalization).PredictNormalized(validation.Input, validation.Width, validation.Height);
        System.Numerics.Tensors.TensorPrimitives.Clamp(untrained, 0f, 1f, untrained);
        var untrainedPsnr = PsnrMetric.Compute(
            new GrayImage(validation.Width, validation.Height, untrained),
            new GrayImage(validation.Width, validation.Height, validation.Reference), 1.0);

        var result = new Trainer(settings).Run();

        var losses = File.ReadAllLines(Path.Combine(config.Output, "log.csv")).Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(losses.TakeLast(3).Average() < losses.Take(3).Average(), "input-dropout: the loss did not fall");
        Assert.True(result.BestValidationPsnr > untrainedPsnr + 1, $"trained {result.BestValidationPsnr:F2} dB vs untrained {untrainedPsnr:F2} dB");
    }
}
