using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class TrainCommandTests
{
    // Two scene folders of 48 px TIFF frames: clean plus independent noisy F01 and F08.
    private static string WriteStacks()
    {
        var root = TestPaths.NewTempDirectory();
        var random = new Random(3);
        foreach (var scene in new[] { "scene-a", "scene-b" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "data", scene)).FullName;
            var clean = TestImages.Textured(48, 48, scene.Length + scene[^1]);
            ImageIo.Write(Path.Combine(folder, "clean.tif"), clean, new ImageWriteOptions(32));
            foreach (var key in new[] { "F01", "F08" })
            {
                var noisy = clean.Clone();
                for (var i = 0; i < noisy.Pixels.Length; i++)
                {
                    noisy.Pixels[i] = Math.Clamp(noisy.Pixels[i] + (float)(0.08 * (random.NextDouble() - 0.5)), 0f, 1f);
                }

                ImageIo.Write(Path.Combine(folder, key + ".tif"), noisy, new ImageWriteOptions(16));
            }
        }

        File.WriteAllText(Path.Combine(root, "train.yaml"), """
            name: cli-tiny
            data:
              folder: data
              validation_scenes: [scene-b]
              align: none
              patch_size: 24
            scheme: relaxed-n2n
            model: dncnn:layers=3,channels=4
            iterations: 4
            batch_size: 2
            validation: {every: 2, reference: [clean], max_size: 48}
            log_every: 1
            output: run
            """);
        return root;
    }

    [Fact]
    public void Train_ThenDenoiseWithTheModel_WritesAnImageOfTheSameSizeAndDepth()
    {
        var root = WriteStacks();

        var train = CliRunner.Run("train", Path.Combine(root, "train.yaml"));
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("trained 4 steps", train.Output);
        Assert.True(File.Exists(Path.Combine(root, "run", "model.json")));

        var again = CliRunner.Run("train", Path.Combine(root, "train.yaml"));
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("--resume", again.Error);

        var output = Path.Combine(root, "out.tif");
        var denoise = CliRunner.Run("denoise", Path.Combine(root, "data", "scene-a", "F01.tif"), "-o", output, "--model", Path.Combine(root, "run"));
        Assert.True(denoise.ExitCode == 0, denoise.Error);
        var info = ImageIo.Probe(output);
        Assert.Equal((48, 48, 16), (info.Width, info.Height, info.BitDepth));
    }

    [Fact]
    public void Train_WithAMissingConfig_ExitsWithBadInput()
    {
        var result = CliRunner.Run("train", "/nonexistent/train.yaml");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public void Train_WithAnUnknownKey_NamesIt()
    {
        var root = TestPaths.NewTempDirectory();
        var path = Path.Combine(root, "bad.yaml");
        File.WriteAllText(path, "iterations: 3\nlearning_rate: 0.1\ndata: {folder: x}\n");
        var result = CliRunner.Run("train", path);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("learning_rate", result.Error);
    }

    [Fact]
    public void Denoise_WithBothMethodAndModel_IsAUsageError()
    {
        var result = CliRunner.Run("denoise", "in.tif", "-o", "out.tif", "--method", "median", "--model", "dir");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Experiment_WithoutRuns_IsRejected()
    {
        var root = TestPaths.NewTempDirectory();
        var path = Path.Combine(root, "e.yaml");
        File.WriteAllText(path, "name: empty\n");
        var result = CliRunner.Run("experiment", path);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("neither runs nor baselines", result.Error);
    }
}
