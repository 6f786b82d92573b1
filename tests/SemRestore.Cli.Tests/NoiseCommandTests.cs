using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "Integration")]
public sealed class NoiseCommandTests
{
    [Fact]
    public void Noise_AppliesModel_Deterministically()
    {
        var directory = TestPaths.NewTempDirectory();
        var input = Path.Combine(directory, "in.png");
        var clean = TestImages.Textured(64, 48);
        clean.BitDepth = 8;
        ImageIo.Write(input, clean);
        var a = Path.Combine(directory, "a.png");
        var b = Path.Combine(directory, "b.png");
        var (code, output, error) = CliRunner.Run("noise", "poisson:lambda=50", input, "-o", a, "--seed", "4");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("poisson:lambda=50", output);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("noise", "poisson:lambda=50", input, "-o", b, "--seed", "4").ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        var noisy = ImageIo.Read(a);
        Assert.Equal(8, noisy.BitDepth);
        Assert.NotEqual(ImageIo.Read(input).Pixels, noisy.Pixels);
    }

    [Fact]
    public void Noise_AcceptsADegradationPipeline()
    {
        var directory = TestPaths.NewTempDirectory();
        var input = Path.Combine(directory, "in.tif");
        ImageIo.Write(input, TestImages.Textured(64, 48));
        var output = Path.Combine(directory, "out.tif");
        var (code, _, error) = CliRunner.Run("noise", "blur:sigma=0.5..1 + rescale:factor=2 + gaussian:sigma=2..25|poisson:lambda=1e2..1e4", input, "-o", output);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(64, ImageIo.Read(output).Width);
    }

    [Fact]
    public void Noise_UnknownModel_ListsKnownOnes()
    {
        var directory = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("noise", "pink", Path.Combine(directory, "in.png"), "-o", Path.Combine(directory, "out.png"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("poisson-speckle", error);
    }

    [Fact]
    public void Noise_MissingInput_IsBadInput()
    {
        var directory = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("noise", "gaussian", Path.Combine(directory, "missing.png"), "-o", Path.Combine(directory, "out.png"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("missing.png", error);
    }
}
