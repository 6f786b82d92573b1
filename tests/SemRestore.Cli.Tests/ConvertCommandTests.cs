using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "Integration")]
public sealed class ConvertCommandTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.Golden, "io", name);

    [Theory]
    [InlineData("lzw")]
    [InlineData("deflate")]
    [InlineData("none")]
    public void Convert_Stack_KeepsEveryPageWithTheChosenCompression(string compression)
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "out.tif");
        var (code, stdout, _) = CliRunner.Run("convert", Fixture("stack3_u16.tif"), output, "--compression", compression);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("3 page(s)", stdout);
        var original = ImageIo.ReadStack(Fixture("stack3_u16.tif"));
        var converted = ImageIo.ReadStack(output);
        Assert.Equal(original.Count, converted.Count);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original[i].Pixels, converted[i].Pixels);
        }

        Assert.Equal(compression, ImageIo.Probe(output).Compression);
    }

    [Fact]
    public void Convert_To16Bit_ScalesCodesAndKeepsVendorMetadata()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "out.tif");
        var (code, _, _) = CliRunner.Run("convert", Fixture("u8_metadata.tif"), output, "--depth", "16");
        Assert.Equal(ExitCodes.Success, code);
        var image = ImageIo.Read(output);
        Assert.Equal(16, image.BitDepth);
        Assert.Equal("SEM image, 10 kV", image.Metadata["tiff.ImageDescription"]);
        Assert.StartsWith("[User]", image.Metadata["tiff.34682"]);
        var original = ImageIo.Read(Fixture("u8_metadata.tif")).Pixels;
        for (var i = 0; i < original.Length; i++)
        {
            // 8-bit code k becomes 16-bit code 257 k (k / 255 = 257 k / 65535).
            Assert.Equal(257 * PixelConversion.Quantize(original[i], 255f), PixelConversion.Quantize(image.Pixels[i], 65535f));
        }
    }

    [Theory]
    [InlineData("x.png")]
    [InlineData("x.pgm")]
    [InlineData("x.pfm")]
    public void Convert_BetweenFormats_RoundTrips(string name)
    {
        var directory = TestPaths.NewTempDirectory();
        var first = Path.Combine(directory, name);
        var back = Path.Combine(directory, "back.tif");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("convert", Fixture("u16_lzw.tif"), first).ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("convert", first, back).ExitCode);
        Assert.Equal(ImageIo.Read(Fixture("u16_lzw.tif")).Pixels, ImageIo.Read(back).Pixels);
    }

    [Fact]
    public void Convert_StackToPng_IsAUsageErrorUnlessAPageIsChosen()
    {
        var directory = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("convert", Fixture("stack3_u16.tif"), Path.Combine(directory, "x.png"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("3 pages", error);
        var png = Path.Combine(directory, "page1.png");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("convert", Fixture("stack3_u16.tif"), png, "--page", "1").ExitCode);
        Assert.Equal(ImageIo.ReadStack(Fixture("stack3_u16.tif"))[1].Pixels, ImageIo.Read(png).Pixels);
    }

    [Theory]
    [InlineData("--depth", "12")]
    [InlineData("--compression", "zstd")]
    [InlineData("--page", "7")]
    public void Convert_BadOption_ReturnsUsage(string option, string value)
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "out.tif");
        var (code, _, error) = CliRunner.Run("convert", Fixture("stack3_u16.tif"), output, option, value);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEqual(string.Empty, error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Convert_Depth32ToPng_ReturnsUsage()
    {
        var (code, _, error) = CliRunner.Run("convert", Fixture("u8_none.tif"), Path.Combine(TestPaths.NewTempDirectory(), "x.png"), "--depth", "32");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--depth 32", error);
    }

    [Fact]
    public void Convert_UnsupportedInput_ReturnsBadInputNamingTheCompression()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "out.tif");
        var (code, _, error) = CliRunner.Run("convert", Fixture("rgb8_jpeg.tif"), output);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("rgb8_jpeg.tif", error);
        Assert.Contains("compression JPEG (7) is not supported", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Convert_ColourInput_WarnsAboutTheLumaConversion()
    {
        var (code, _, error) = CliRunner.Run("convert", Fixture("rgb8.tif"), Path.Combine(TestPaths.NewTempDirectory(), "gray.tif"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("warning", error);
        Assert.Contains("luma", error);
    }
}
