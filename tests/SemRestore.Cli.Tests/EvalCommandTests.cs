using System.Text.Json;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

public sealed class EvalCommandTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Eval_RealPairs_Bm3dAndNlmRaisePsnrAndSsimOverTheNoisyInput()
    {
        if (!Directory.Exists(TestPaths.SemReal))
        {
            return; // ../shared/data/sem-real is not present on this machine
        }

        // A 200x200 corner of each pair's interior keeps BM3D to a few seconds on two cores.
        var output = TestPaths.NewTempDirectory();
        var (code, stdout, error) = CliRunner.Run("eval", "--dataset", TestPaths.SemReal, "-o", output, "--crop", "1,1,200,200",
            "--search-radius", "8", "--match-intensity", "--methods", "bm3d:sigma=30;nlm:h=20", "--report-images", "1");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("bm3d:sigma=30", stdout);

        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        var items = results.RootElement.GetProperty("items");
        Assert.Equal(4, items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            var scores = item.GetProperty("scores");
            var input = scores[0];
            Assert.Equal("input", input.GetProperty("label").GetString());
            for (var m = 1; m <= 2; m++)
            {
                var method = scores[m];
                var name = $"{item.GetProperty("name").GetString()} {method.GetProperty("label").GetString()}";
                Assert.True(method.GetProperty("psnr").GetDouble() > input.GetProperty("psnr").GetDouble() + 2, name);
                Assert.True(method.GetProperty("ssim").GetDouble() > input.GetProperty("ssim").GetDouble() + 0.1, name);
                Assert.NotEqual(JsonValueKind.Null, method.GetProperty("gain").ValueKind);
            }

            Assert.True(item.GetProperty("noise").GetProperty("correlationX1").GetDouble() > 0.2, "real SEM noise is correlated along x");
        }

        foreach (var name in new[] { "report.md", "report.html", "results.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        }

        Assert.True(Directory.GetFiles(Path.Combine(output, "images"), "*.png", SearchOption.AllDirectories).Length >= 5);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Eval_UnknownMethod_ExitsUsageListingRegisteredDenoisers()
    {
        var (code, _, error) = CliRunner.Run("eval", "--dataset", PairFolder(), "-o", TestPaths.NewTempDirectory(), "--methods", "median:size=3,wiener");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("wiener", error);
        Assert.Contains("bm3d", error);
        Assert.Contains("median", error);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Eval_InvalidParameter_ExitsUsageNamingIt()
    {
        var (code, _, error) = CliRunner.Run("eval", "--dataset", PairFolder(), "-o", TestPaths.NewTempDirectory(), "--method", "median:size=4");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("size", error);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Eval_ModelFolderWithoutModel_ExitsBadInputNamingIt()
    {
        var empty = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("eval", "--dataset", PairFolder(), "-o", TestPaths.NewTempDirectory(), "--methods", $"median:size=3,model:{empty}");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(empty, error);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Eval_MissingReferenceFile_ExitsBadInput()
    {
        var folder = TestPaths.NewTempDirectory();
        ImageIo.Write(Path.Combine(folder, "x_noisy_1.tif"), TestImages.Random(64, 64));
        var (code, _, error) = CliRunner.Run("eval", "--dataset", folder, "-o", TestPaths.NewTempDirectory(), "--methods", "median:size=3");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("x_noisy_1.tif", error);
        Assert.Contains("reference", error);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Eval_NoMethod_ExitsUsage()
    {
        var (code, _, error) = CliRunner.Run("eval", "--dataset", PairFolder(), "-o", TestPaths.NewTempDirectory());
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--method", error);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Eval_PairFolderOfDifferentSizes_ExitsBadInput()
    {
        var folder = TestPaths.NewTempDirectory();
        ImageIo.Write(Path.Combine(folder, "x_noisy_1.tif"), TestImages.Textured(120, 100));
        ImageIo.Write(Path.Combine(folder, "x_clean_1.tif"), TestImages.Textured(100, 100));
        var (code, _, error) = CliRunner.Run("eval", "--dataset", folder, "-o", TestPaths.NewTempDirectory(), "--methods", "median:size=3", "--search-radius", "4");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("120x100", error);
    }

    private static string PairFolder()
    {
        var folder = TestPaths.NewTempDirectory();
        ImageIo.Write(Path.Combine(folder, "x_noisy_1.tif"), TestImages.Textured(100, 100, 1));
        ImageIo.Write(Path.Combine(folder, "x_clean_1.tif"), TestImages.Textured(100, 100, 1));
        return folder;
    }
}
