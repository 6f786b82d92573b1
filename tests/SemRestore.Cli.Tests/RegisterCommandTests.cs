using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Geometry;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "Integration")]
public sealed class RegisterCommandTests
{
    /// <summary>Writes 32-bit float TIFFs; false when the TIFF codec is not in this build yet (the test then returns).</summary>
    internal static bool TryWrite(string path, GrayImage image)
    {
        try
        {
            ImageIo.Write(path, image, new ImageWriteOptions(BitDepth: 32));
            return true;
        }
        catch (ImageFormatException e) when (e.Message.Contains("not built yet", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private static (string Reference, string Moving, string Folder)? WriteShiftedPair(int dx, int dy)
    {
        var folder = TestPaths.NewTempDirectory();
        var scene = TestImages.Random(420, 420, seed: 3);
        var reference = Path.Combine(folder, "reference.tif");
        var moving = Path.Combine(folder, "moving.tif");
        // Cropping at (40 - dx, 40 - dy) puts the moving content (dx, dy) further right/down.
        if (!TryWrite(reference, ImageGeometry.Crop(scene, 40, 40, 340, 340))
            || !TryWrite(moving, ImageGeometry.Crop(scene, 40 - dx, 40 - dy, 340, 340)))
        {
            return null;
        }

        return (reference, moving, folder);
    }

    [Fact]
    public void Register_Psnr_PrintsTheIntegerShift_AndTheResidualOnStderr()
    {
        if (WriteShiftedPair(5, -3) is not { } pair)
        {
            return;
        }

        var (code, output, error) = CliRunner.Run("register", pair.Reference, pair.Moving);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("5 -3", output.Trim());
        Assert.Contains("PSNR", error);
        Assert.Contains("residual after the global shift", error);
    }

    [Fact]
    public void Register_Phase_PrintsASubPixelShift()
    {
        var folder = TestPaths.NewTempDirectory();
        var scene = TestImages.Textured(200, 180, seed: 4);
        var reference = Path.Combine(folder, "reference.tif");
        var moving = Path.Combine(folder, "moving.tif");
        if (!TryWrite(reference, scene) || !TryWrite(moving, Resampler.Shift(scene, 1.5, -0.75)))
        {
            return;
        }

        var (code, output, _) = CliRunner.Run("register", reference, moving, "--method", "phase", "--strips", "0");
        Assert.Equal(ExitCodes.Success, code);
        var parts = output.Trim().Split(' ');
        Assert.InRange(double.Parse(parts[0], CultureInfo.InvariantCulture), 1.4, 1.6);
        Assert.InRange(double.Parse(parts[1], CultureInfo.InvariantCulture), -0.85, -0.65);
    }

    [Fact]
    public void Register_Vote_SaysHowManyWindowsAgree()
    {
        if (WriteShiftedPair(-4, 9) is not { } pair)
        {
            return;
        }

        var (code, output, error) = CliRunner.Run("register", pair.Reference, pair.Moving, "--vote", "--window", "64", "--search", "12");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("-4 9", output.Trim());
        Assert.Contains("9 of 9 windows agree", error);
    }

    [Fact]
    public void Register_WithOutput_WritesTheAlignedImage()
    {
        if (WriteShiftedPair(-7, 4) is not { } pair)
        {
            return;
        }

        var aligned = Path.Combine(pair.Folder, "aligned.tif");
        var (code, output, _) = CliRunner.Run("register", pair.Reference, pair.Moving, "-o", aligned, "--search", "10", "--window", "128");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("-7 4", output.Trim());
        var reference = ImageIo.Read(pair.Reference);
        var result = ImageIo.Read(aligned);
        Assert.Equal((reference.Width, reference.Height), (result.Width, result.Height));
        for (var y = 10; y < reference.Height - 10; y++)
        {
            for (var x = 10; x < reference.Width - 10; x++)
            {
                Assert.Equal(reference[x, y], result[x, y], 5);
            }
        }
    }

    [Fact]
    public void Register_WithCrop_WritesBothImagesCroppedBySearchPlusOne()
    {
        if (WriteShiftedPair(2, 6) is not { } pair)
        {
            return;
        }

        var aligned = Path.Combine(pair.Folder, "aligned.tif");
        var croppedReference = Path.Combine(pair.Folder, "reference-cropped.tif");
        var (code, _, _) = CliRunner.Run("register", pair.Reference, pair.Moving, "-o", aligned, "--crop", "--reference-output", croppedReference);
        Assert.Equal(ExitCodes.Success, code);
        var a = ImageIo.Read(aligned);
        var b = ImageIo.Read(croppedReference);
        Assert.Equal((340 - 82, 340 - 82), (a.Width, a.Height));
        Assert.Equal(a.Pixels, b.Pixels);
    }

    [Fact]
    public void Register_MissingFile_ExitsWithBadInputAndNamesIt()
    {
        var missing = Path.Combine(TestPaths.NewTempDirectory(), "nope.tif");
        var (code, _, error) = CliRunner.Run("register", missing, missing);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.tif", error);
    }

    [Fact]
    public void Register_DifferentSizes_ExitsWithBadInput()
    {
        var folder = TestPaths.NewTempDirectory();
        var a = Path.Combine(folder, "a.tif");
        var b = Path.Combine(folder, "b.tif");
        if (!TryWrite(a, TestImages.Random(64, 64)) || !TryWrite(b, TestImages.Random(64, 60)))
        {
            return;
        }

        var (code, _, error) = CliRunner.Run("register", a, b, "--method", "phase");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("equal sizes", error);
    }

    [Theory]
    [InlineData("--method", "fourier")]
    [InlineData("--search", "0")]
    [InlineData("--window", "4")]
    [InlineData("--crop", null)]
    public void Register_BadOptions_ExitWithUsage(string option, string? value)
    {
        if (WriteShiftedPair(0, 0) is not { } pair)
        {
            return;
        }

        var args = new List<string> { "register", pair.Reference, pair.Moving, option };
        if (value is not null)
        {
            args.Add(value);
        }

        var (code, _, error) = CliRunner.Run([.. args]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Register_Help_ListsTheOptions()
    {
        var (code, output, _) = CliRunner.Run("register", "--help");
        Assert.Equal(ExitCodes.Success, code);
        foreach (var option in new[] { "--method", "--search", "--output", "--vote", "--strips", "--crop" })
        {
            Assert.Contains(option, output);
        }
    }
}
