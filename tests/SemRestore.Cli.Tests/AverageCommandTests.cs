using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Geometry;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "Integration")]
public sealed class AverageCommandTests
{
    [Fact]
    public void Average_WithoutRegister_WritesThePixelMean()
    {
        var folder = TestPaths.NewTempDirectory();
        var paths = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            var path = Path.Combine(folder, $"f{k}.tif");
            if (!RegisterCommandTests.TryWrite(path, TestImages.Constant(16, 12, 0.1f * (k + 1))))
            {
                return;
            }

            paths.Add(path);
        }

        var output = Path.Combine(folder, "mean.tif");
        var (code, stdout, _) = CliRunner.Run(["average", .. paths, "-o", output]);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("averaged 3 frame(s)", stdout);
        Assert.All(ImageIo.Read(output).Pixels, v => Assert.Equal(0.2f, v, 5));
    }

    [Fact]
    public void Average_WithRegister_ReportsEachFramesShift()
    {
        var folder = TestPaths.NewTempDirectory();
        var scene = TestImages.Textured(120, 100, seed: 6);
        var shifts = new[] { (0.0, 0.0), (1.25, -0.5), (-2.0, 1.5) };
        var paths = new List<string>();
        foreach (var (dx, dy) in shifts)
        {
            var path = Path.Combine(folder, $"f{paths.Count}.tif");
            if (!RegisterCommandTests.TryWrite(path, Resampler.Shift(scene, dx, dy)))
            {
                return;
            }

            paths.Add(path);
        }

        var output = Path.Combine(folder, "mean.tif");
        var (code, _, error) = CliRunner.Run(["average", .. paths, "-o", output, "--register"]);
        Assert.Equal(ExitCodes.Success, code);
        var lines = error.Split('\n').Where(l => l.Contains("shift", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("(reference)", lines[0]);
        for (var k = 1; k < shifts.Length; k++)
        {
            var parts = lines[k].Trim().Split(' ');
            var dx = double.Parse(parts[^2], CultureInfo.InvariantCulture);
            var dy = double.Parse(parts[^1], CultureInfo.InvariantCulture);
            Assert.InRange(dx, shifts[k].Item1 - 0.1, shifts[k].Item1 + 0.1);
            Assert.InRange(dy, shifts[k].Item2 - 0.1, shifts[k].Item2 + 0.1);
        }

        var mean = ImageIo.Read(output);
        Assert.Equal((120, 100), (mean.Width, mean.Height));
    }

    [Fact]
    public void Average_WithoutOutput_ExitsWithUsage()
    {
        var (code, _, _) = CliRunner.Run("average", "a.tif");
        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void Average_MismatchedFrames_ExitWithBadInput()
    {
        var folder = TestPaths.NewTempDirectory();
        var a = Path.Combine(folder, "a.tif");
        var b = Path.Combine(folder, "b.tif");
        if (!RegisterCommandTests.TryWrite(a, new GrayImage(8, 8)) || !RegisterCommandTests.TryWrite(b, new GrayImage(9, 8)))
        {
            return;
        }

        var (code, _, error) = CliRunner.Run("average", a, b, "-o", Path.Combine(folder, "out.tif"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("b.tif", error);
    }

    [Fact]
    public void Average_ReferenceOutOfRange_ExitsWithUsage()
    {
        var folder = TestPaths.NewTempDirectory();
        var a = Path.Combine(folder, "a.tif");
        if (!RegisterCommandTests.TryWrite(a, new GrayImage(8, 8)))
        {
            return;
        }

        var (code, _, error) = CliRunner.Run("average", a, "-o", Path.Combine(folder, "out.tif"), "--reference", "3");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--reference", error);
    }
}
