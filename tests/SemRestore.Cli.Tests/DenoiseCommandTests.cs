using SemRestore.Classical;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "Integration")]
public sealed class DenoiseCommandTests
{
    [Fact]
    public void Denoise_8BitPng_KeepsDepthAndMatchesTheLibrary()
    {
        var folder = TestPaths.NewTempDirectory();
        var input = Path.Combine(folder, "in.png");
        var output = Path.Combine(folder, "out.png");
        ImageIo.Write(input, Noisy(48, 40, bitDepth: 8));
        var (code, stdout, stderr) = CliRunner.Run("denoise", input, "-o", output, "--method", "median:size=5");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("median:size=5", stdout);
        var written = ImageIo.Read(output);
        Assert.Equal(8, written.BitDepth);
        var expected = DenoiserRegistry.Create("median:size=5").Denoise(ImageIo.Read(input));
        Assert.Equal(expected.Pixels, written.Pixels);
    }

    [Fact]
    public void Denoise_16BitTiffWithBm3d_KeepsDepthAndRaisesPsnr()
    {
        var folder = TestPaths.NewTempDirectory();
        var input = Path.Combine(folder, "in.tif");
        var output = Path.Combine(folder, "out.tif");
        var clean = TestImages.Textured(64, 64, seed: 4);
        ImageIo.Write(input, Noisy(64, 64, bitDepth: 16));
        var (code, _, stderr) = CliRunner.Run("denoise", input, "-o", output, "--method", "bm3d:sigma=20");
        Assert.True(code == ExitCodes.Success, stderr);
        var written = ImageIo.Read(output);
        Assert.Equal(16, written.BitDepth);
        Assert.True(Psnr(written, clean) > Psnr(ImageIo.Read(input), clean) + 3);
    }

    [Fact]
    public void Denoise_Folder_WritesEveryImageWithProgress()
    {
        var folder = TestPaths.NewTempDirectory();
        var inFolder = Path.Combine(folder, "in");
        var outFolder = Path.Combine(folder, "out");
        Directory.CreateDirectory(inFolder);
        ImageIo.Write(Path.Combine(inFolder, "a.png"), Noisy(30, 20, bitDepth: 8));
        ImageIo.Write(Path.Combine(inFolder, "b.tif"), Noisy(25, 31, bitDepth: 16));
        ImageIo.Write(Path.Combine(inFolder, "c.tif"), Noisy(16, 16, bitDepth: 32));
        File.WriteAllText(Path.Combine(inFolder, "notes.txt"), "not an image");
        var (code, stdout, stderr) = CliRunner.Run("denoise", inFolder, "-o", outFolder, "--method", "gaussian:sigma=1");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("3 image(s)", stdout);
        Assert.Contains("3/3", stderr);
        Assert.Equal(["a.png", "b.tif", "c.tif"], Directory.GetFiles(outFolder).Select(Path.GetFileName).Order());
        Assert.Equal(16, ImageIo.Read(Path.Combine(outFolder, "b.tif")).BitDepth);
        Assert.Equal(32, ImageIo.Read(Path.Combine(outFolder, "c.tif")).BitDepth);
    }

    [Fact]
    public void Denoise_TiffStack_DenoisesEveryPage()
    {
        var folder = TestPaths.NewTempDirectory();
        var input = Path.Combine(folder, "stack.tif");
        var output = Path.Combine(folder, "out.tif");
        ImageIo.WriteStack(input, [Noisy(20, 16, bitDepth: 16), Noisy(20, 16, bitDepth: 16), Noisy(20, 16, bitDepth: 16)]);
        var (code, stdout, stderr) = CliRunner.Run("denoise", input, "-o", output, "--method", "median");
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("3 page(s)", stdout);
        var pages = ImageIo.ReadStack(output);
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Equal(16, page.BitDepth));

        var (pngCode, _, pngError) = CliRunner.Run("denoise", input, "-o", Path.Combine(folder, "out.png"), "--method", "median");
        Assert.Equal(ExitCodes.Usage, pngCode);
        Assert.Contains("3 pages", pngError);
    }

    [Fact]
    public void Denoise_UnknownMethod_ExitsWithUsageAndListsNames()
    {
        var input = WriteInput();
        var (code, _, stderr) = CliRunner.Run("denoise", input, "-o", input + ".out.png", "--method", "wiener");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("wiener", stderr);
        Assert.Contains("bm3d", stderr);
        Assert.Contains("median", stderr);
    }

    [Fact]
    public void Denoise_BadParameter_NamesItAndTheRange()
    {
        var input = WriteInput();
        var (code, _, stderr) = CliRunner.Run("denoise", input, "-o", input + ".out.png", "--method", "median:size=4");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("size", stderr);
        Assert.Contains("odd", stderr);
    }

    [Fact]
    public void Denoise_WithoutMethod_ExitsWithUsage()
    {
        var input = WriteInput();
        var (code, _, stderr) = CliRunner.Run("denoise", input, "-o", input + ".out.png");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--method", stderr);
    }

    [Fact]
    public void Denoise_MissingInput_ExitsWithBadInput()
    {
        var folder = TestPaths.NewTempDirectory();
        var (code, _, stderr) = CliRunner.Run("denoise", Path.Combine(folder, "nope.tif"), "-o", Path.Combine(folder, "out.tif"), "--method", "median");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.tif", stderr);
    }

    [Fact]
    public void Denoise_OutputEqualsInput_IsRefused()
    {
        var input = WriteInput();
        var (code, _, stderr) = CliRunner.Run("denoise", input, "-o", input, "--method", "median");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("differ", stderr);
    }

    [Fact]
    public void Denoise_EmptyFolder_ExitsWithBadInput()
    {
        var folder = TestPaths.NewTempDirectory();
        var (code, _, stderr) = CliRunner.Run("denoise", folder, "-o", Path.Combine(folder, "out"), "--method", "median");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no images", stderr);
    }

    private static string WriteInput()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "in.png");
        ImageIo.Write(path, Noisy(20, 20, bitDepth: 8));
        return path;
    }

    private static GrayImage Noisy(int width, int height, int bitDepth)
    {
        var image = TestImages.Textured(width, height, seed: 4);
        var random = new Random(width * height);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = Math.Clamp(image.Pixels[i] + (float)((random.NextDouble() - 0.5) * 0.3), 0f, 1f);
        }

        image.BitDepth = bitDepth;
        return image;
    }

    private static double Psnr(GrayImage image, GrayImage reference)
    {
        double sum = 0;
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            double d = image.Pixels[i] - reference.Pixels[i];
            sum += d * d;
        }

        return 10 * Math.Log10(image.Pixels.Length / sum);
    }
}
