using System.Text.Json;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "Integration")]
public sealed class InfoCommandTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.Golden, "io", name);

    [Fact]
    public void Info_OnATiledLzwTiff_PrintsSizeDepthCompressionAndLayout()
    {
        var (code, output, error) = CliRunner.Run("info", Fixture("u16_tiles_lzw_pred2.tif"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("size:          67 x 45 pixels", output);
        Assert.Contains("bit depth:     16 (uint)", output);
        Assert.Contains("compression:   lzw", output);
        Assert.Contains("layout:        tiles 32x16", output);
        Assert.Contains("tiff.predictor: horizontal (2)", output);
    }

    [Fact]
    public void Info_OnAStack_CountsPages()
    {
        var (code, output, _) = CliRunner.Run("info", Fixture("stack3_u16.tif"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("pages:         3", output);
    }

    [Fact]
    public void Info_Json_IsParseable()
    {
        var (code, output, _) = CliRunner.Run("info", Fixture("f32_zip_pred3.tif"), "--json");
        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(32, json.RootElement.GetProperty("bit_depth").GetInt32());
        Assert.Equal("float", json.RootElement.GetProperty("sample_format").GetString());
        Assert.Equal("deflate", json.RootElement.GetProperty("compression").GetString());
    }

    /// <summary>True size and depth of every real SEM image, from `tiffinfo` (Image Width/Length, Bits/Sample).</summary>
    [Fact]
    public void Info_OnEverySemRealImage_ReportsTheTrueSizeAndDepth()
    {
        if (!Directory.Exists(TestPaths.SemReal))
        {
            return;
        }

        var files = Directory.GetFiles(TestPaths.SemReal, "*.tif");
        Assert.Equal(8, files.Length);
        foreach (var file in files)
        {
            var (code, output, _) = CliRunner.Run("info", file);
            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("size:          512 x 471 pixels", output);
            Assert.Contains("bit depth:     8 (uint)", output);
            Assert.Contains("pages:         1", output);
            Assert.Contains("tiff.34682: [User]", output);
        }
    }

    [Fact]
    public void Info_OnACorruptFile_ReturnsBadInputNamingTheFileAndProblem()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "broken.tif");
        File.WriteAllBytes(path, "II*\0\xff\xff\xff\x7f"u8.ToArray());
        var (code, _, error) = CliRunner.Run("info", path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("broken.tif", error);
        Assert.Contains("outside the file", error);
    }

    [Fact]
    public void Info_OnAMissingFile_ReturnsBadInput()
    {
        var (code, _, error) = CliRunner.Run("info", "/no/such/image.png");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("/no/such/image.png: file not found", error);
    }

    [Fact]
    public void Info_Help_ListsTheJsonOption()
    {
        var (code, output, _) = CliRunner.Run("info", "--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--json", output);
    }
}
