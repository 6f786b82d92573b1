using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

public sealed class AnalyzeNoiseCommandTests
{
    [Fact]
    [Trait("Category", "Integration")]
    public void AnalyzeNoise_ShiftedCorrelatedPair_RegistersAndRecoversCorrelation()
    {
        // clean is the texture; noisy = texture shifted by (2, 1) plus noise with lag-1 x-correlation a / (1 + a^2) = 0.4.
        var folder = TestPaths.NewTempDirectory();
        var texture = TestImages.Textured(200, 180, 2);
        var clean = new GrayImage(196, 176);
        var noisy = new GrayImage(196, 176);
        var random = new Random(3);
        var previous = 0.0;
        for (var y = 0; y < 176; y++)
        {
            for (var x = 0; x < 196; x++)
            {
                var white = 0.04 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(Math.Tau * random.NextDouble());
                clean[x, y] = texture[x + 2, y + 2];
                noisy[x, y] = (float)(texture[x + 4, y + 3] + white + 0.5 * (x > 0 ? previous : 0));
                previous = white;
            }
        }

        ImageIo.Write(Path.Combine(folder, "noisy.tif"), noisy, new ImageWriteOptions { BitDepth = 32 });
        ImageIo.Write(Path.Combine(folder, "clean.tif"), clean, new ImageWriteOptions { BitDepth = 32 });
        var output = Path.Combine(folder, "out");
        var (code, stdout, error) = CliRunner.Run("analyze-noise", Path.Combine(folder, "noisy.tif"), Path.Combine(folder, "clean.tif"),
            "-o", output, "--radius", "3", "--search-radius", "6");
        Assert.True(code == ExitCodes.Success, error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(2, root.GetProperty("dx").GetDouble());
        Assert.Equal(1, root.GetProperty("dy").GetDouble());
        Assert.InRange(root.GetProperty("correlationX1").GetDouble(), 0.35, 0.45);
        Assert.InRange(root.GetProperty("correlationY1").GetDouble(), -0.05, 0.05);
        Assert.InRange(root.GetProperty("residualSigma").GetDouble(), 0.04 * Math.Sqrt(1.25) * 0.95, 0.04 * Math.Sqrt(1.25) * 1.05);
        Assert.Contains("correlationX1", stdout);
        foreach (var name in new[] { "correlation.json", "correlation.csv", "correlation.png", "histogram.csv", "histogram.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        }

        Assert.Equal(1 + 49, File.ReadAllLines(Path.Combine(output, "correlation.csv")).Length);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void AnalyzeNoise_RealPair_ShowsHorizontalCorrelation()
    {
        var pair = Directory.Exists(TestPaths.SemReal) ? Directory.GetFiles(TestPaths.SemReal, "kriss-spheres_L12_*.tif") : Array.Empty<string>();
        if (pair.Length != 2)
        {
            return; // ../shared/data/sem-real is not present on this machine
        }

        var output = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("analyze-noise", pair.Single(p => p.Contains("_noisy_")), pair.Single(p => p.Contains("_clean_")),
            "-o", output, "--crop", "1,1,510,440", "--match-intensity", "--search-radius", "8");
        Assert.True(code == ExitCodes.Success, error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var x1 = summary.RootElement.GetProperty("correlationX1").GetDouble();
        var y1 = summary.RootElement.GetProperty("correlationY1").GetDouble();
        Assert.InRange(x1, 0.25, 0.6);
        Assert.True(x1 > y1 + 0.2, $"x {x1}, y {y1}");
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void AnalyzeNoise_BadArguments_ExitWithReason()
    {
        var folder = TestPaths.NewTempDirectory();
        ImageIo.Write(Path.Combine(folder, "a.tif"), TestImages.Random(40, 40));
        ImageIo.Write(Path.Combine(folder, "b.tif"), TestImages.Random(41, 40));
        var (code, _, error) = CliRunner.Run("analyze-noise", Path.Combine(folder, "a.tif"), Path.Combine(folder, "b.tif"), "-o", folder, "--register", "none");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("41x40", error);
        (code, _, error) = CliRunner.Run("analyze-noise", Path.Combine(folder, "a.tif"), Path.Combine(folder, "a.tif"), "-o", folder, "--radius", "0");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--radius", error);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("analyze-noise", Path.Combine(folder, "a.tif"), Path.Combine(folder, "a.tif")).ExitCode);
    }
}
