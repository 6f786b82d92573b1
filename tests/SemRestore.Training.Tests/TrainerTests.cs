using SemRestore.Imaging;
using SemRestore.Tensors;
using SemRestore.Tensors.Safetensors;
using SemRestore.Training.Losses;

namespace SemRestore.Training.Tests;

[Trait("Category", "Integration")]
public sealed class TrainerTests
{
    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool) and cancels after a given step.</summary>
    private sealed class CancelAfter(CancellationTokenSource source, long step) : IProgress<ProgressReport>
    {
        public List<ProgressReport> Reports { get; } = [];

        public void Report(ProgressReport value)
        {
            Reports.Add(value);
            if (value.Done == step)
            {
                source.Cancel();
            }
        }
    }

    /// <summary>Arms a timer-thread cancellation at the second step, so it lands in the middle of a later step.</summary>
    private sealed class TimerCancel(CancellationTokenSource source) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            // A dedicated thread, as Ctrl+C's handler is: a timer callback would wait for a free thread-pool thread,
            // and the training step's Parallel.For keeps those busy on a 2-core machine.
            if (value.Done == 2)
            {
                new Thread(() =>
                {
                    Thread.Sleep(30);
                    source.Cancel();
                }) { IsBackground = true }.Start();
            }
        }
    }

    /// <summary>MSE that returns NaN from the given call on.</summary>
    private sealed class NaNAfter(int calls) : ILoss
    {
        private readonly ILoss _inner = LossRegistry.Create("mse");
        private int _count;

        public string Description => "nan-after";

        public bool SupportsMask => true;

        public Tensor Compute(Tensor prediction, Tensor target, Tensor? mask = null)
        {
            var value = _inner.Compute(prediction, target, mask);
            return ++_count >= calls ? Ops.Mul(value, float.NaN) : value;
        }
    }

    private static Dictionary<string, float[]> Weights(string path)
    {
        var content = SafetensorsFile.Load(path);
        return content.Tensors.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    [Fact]
    public void Resume_AfterInterruption_EqualsTheUninterruptedRunToTheLastBit()
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory());
        var straight = TinyTraining.Config(TinyTraining.NewDirectory(), "relaxed-n2n+input-dropout", "dncnn:layers=3,channels=8", iterations: 8);
        new Trainer(TrainingSetup.Create(straight, data)).Run();

        var interrupted = TinyTraining.Config(TinyTraining.NewDirectory(), "relaxed-n2n+input-dropout", "dncnn:layers=3,channels=8", iterations: 8);
        using var source = new CancellationTokenSource();
        var progress = new CancelAfter(source, 3);
        var first = new Trainer(TrainingSetup.Create(interrupted, data)).Run(progress: progress, cancellationToken: source.Token);
        Assert.True(first.Cancelled);
        Assert.Equal(3, first.StepsDone);
        Assert.True(Trainer.HasCheckpoint(interrupted.Output));

        // A fresh process would rebuild everything from the config: a new model instance, optimiser, sampler.
        var second = new Trainer(TrainingSetup.Create(interrupted, data)).Run(resume: true);
        Assert.True(second.Completed);
        Assert.Equal(8, second.StepsDone);

        var expected = Weights(Path.Combine(straight.Output, "checkpoint", "model.safetensors"));
        var actual = Weights(Path.Combine(interrupted.Output, "checkpoint", "model.safetensors"));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, values) in expected)
        {
            Assert.True(values.AsSpan().SequenceEqual(actual[key]), $"{key} differs after resume");
        }

        Assert.Equal(LossColumn(straight.Output), LossColumn(interrupted.Output));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(straight.Output, "checkpoint", "optimizer.safetensors")),
            File.ReadAllBytes(Path.Combine(interrupted.Output, "checkpoint", "optimizer.safetensors")));
    }

    [Fact]
    public void CancellationFromAnotherThread_SavesTheLastCompletedStepAtOnce()
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory());
        var config = TinyTraining.Config(TinyTraining.NewDirectory(), iterations: 100000);
        config.Validation.Every = 0;
        var settings = TrainingSetup.Create(config, data);
        using var source = new CancellationTokenSource();
        var timer = new TimerCancel(source);

        var result = new Trainer(settings).Run(progress: timer, cancellationToken: source.Token);

        Assert.True(result.Cancelled);
        Assert.InRange(result.StepsDone, 2, 99999);
        var state = File.ReadAllText(Path.Combine(config.Output, "checkpoint", "state.json"));
        Assert.Contains($"\"Step\": {result.StepsDone}", state);
        Assert.True(File.Exists(Path.Combine(config.Output, ModelCard.FileName)));
    }

    [Fact]
    public void Divergence_StopsWithAClearMessage_AndKeepsTheLastGoodCheckpoint()
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory());
        var config = TinyTraining.Config(TinyTraining.NewDirectory(), iterations: 10);
        config.CheckpointEvery = 1;
        var settings = TrainingSetup.Create(config, data);
        var nan = new TrainerSettings
        {
            Model = settings.Model, Loss = new NaNAfter(4), Scheme = settings.Scheme, Sampler = settings.Sampler,
            Iterations = 10, BatchSize = 4, CheckpointEvery = 1, OutputDirectory = config.Output,
        };

        var error = Assert.Throws<TrainingDivergedException>(() => new Trainer(nan).Run());

        Assert.Contains("step 4", error.Message);
        Assert.Contains("step 3", error.Message);
        var state = File.ReadAllText(Path.Combine(config.Output, "checkpoint", "state.json"));
        Assert.Contains("\"Step\": 3", state);
        Assert.All(Weights(Path.Combine(config.Output, "checkpoint", "model.safetensors")).Values,
            values => Assert.All(values, v => Assert.True(float.IsFinite(v))));
    }

    [Fact]
    public void FreshRun_IntoAFolderWithACheckpoint_IsRefused_AndResumeChecksTheRecipe()
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory());
        var config = TinyTraining.Config(TinyTraining.NewDirectory(), iterations: 2);
        new Trainer(TrainingSetup.Create(config, data)).Run();

        var again = Assert.Throws<InvalidInputException>(() => new Trainer(TrainingSetup.Create(config, data)).Run());
        Assert.Contains("--resume", again.Message);

        config.Optimizer = "adam:lr=1e-4";
        var changed = Assert.Throws<InvalidInputException>(() => new Trainer(TrainingSetup.Create(config, data)).Run(resume: true));
        Assert.Contains("another recipe", changed.Message);
    }

    [Fact]
    public void Run_WritesTheModelCard_AndTheRestorerReproducesTheNetwork()
    {
        var data = TinyTraining.Dataset(TinyTraining.NewDirectory());
        var config = TinyTraining.Config(TinyTraining.NewDirectory(), iterations: 8);
        var settings = TrainingSetup.Create(config, data);
        var progress = new CancelAfter(new CancellationTokenSource(), -1);

        var result = new Trainer(settings).Run(progress: progress);

        var card = ModelCard.Load(Path.Combine(config.Output, ModelCard.FileName));
        Assert.Equal(settings.Model.Spec, card.Model);
        Assert.Equal("minmax", card.Normalization);
        Assert.Equal(64, card.DataHash!.Length);
        Assert.Equal("best-validation-psnr", card.WeightsChoice);
        Assert.NotNull(card.BestValidationPsnr);
        Assert.Equal(result.BestValidationPsnr, card.BestValidationPsnr);
        Assert.Contains("relaxed-n2n", card.Scheme);
        Assert.Contains("scheme: relaxed-n2n", card.Config);
        Assert.Equal(8, progress.Reports.Count);
        Assert.Contains("patches/s", progress.Reports[^1].Message);
        Assert.Contains("ETA", progress.Reports[^1].Message);
        Assert.Equal(9, File.ReadAllLines(Path.Combine(config.Output, "log.csv")).Length);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(config.Output, "log.jsonl")).Length);

        var restorer = Restorer.Load(config.Output);
        var image = data.GetFrame(3, "F01");
        var output = restorer.Denoise(image);
        Assert.Equal((image.Width, image.Height), (output.Width, output.Height));
        Assert.Equal(card.Model, restorer.Model.Spec);
    }

    private static string[] LossColumn(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "log.csv")).Skip(1).Select(line =>
        {
            var fields = line.Split(',');
            return $"{fields[0]},{fields[1]},{fields[2]},{fields[5]},{fields[6]}";
        }).ToArray();
}
