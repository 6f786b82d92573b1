using System.Security.Cryptography;
using SemRestore.Synthesis.Datasets;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

[Trait("Category", "Integration")]
public sealed class SynthCommandTests
{
    [Fact]
    public void Synth_WritesScenesAndManifest_SameSeedSameBytes()
    {
        var first = TestPaths.NewTempDirectory();
        var second = TestPaths.NewTempDirectory();
        string[] args = ["synth", "--kind", "holes", "--count", "2", "--size", "192x144", "--frames", "1,8", "--seed", "3", "--max-offset", "5", "--test", "1", "--defects", "1"];
        var (code, output, error) = CliRunner.Run([.. args, "-o", first]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("wrote 2 scene(s) of 192x144", output);
        Assert.Equal(ExitCodes.Success, CliRunner.Run([.. args, "-o", second]).ExitCode);
        var manifest = SynthesisManifest.Load(first);
        Assert.Equal(["train", "test"], manifest.Scenes.Select(s => s.Split));
        Assert.Equal(5, manifest.MaxOffset);
        Assert.NotNull(manifest.Scenes[0].Defects);
        foreach (var relative in manifest.Scenes.SelectMany(s => s.Files.Values).Append("manifest.json"))
        {
            Assert.Equal(Hash(Path.Combine(first, relative)), Hash(Path.Combine(second, relative)));
        }

        Assert.True(File.Exists(Path.Combine(first, "scene-001", "F01b.tif")));
        Assert.True(File.Exists(Path.Combine(first, "scene-001", "circles.json")));
    }

    [Fact]
    public void Synth_Renin_AtSmallSizeHasNineScenes()
    {
        var directory = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("synth", "--preset", "renin", "--size", "128x96", "--frames", "1,2", "-o", directory);
        Assert.True(code == ExitCodes.Success, error);
        var manifest = SynthesisManifest.Load(directory);
        Assert.Equal("renin", manifest.Preset);
        Assert.Equal(9, manifest.Scenes.Count);
        Assert.Equal("holes-irregular-small", manifest.Scenes[8].Kind);
    }

    [Fact]
    public void Synth_Stack_WritesFramesTif()
    {
        var directory = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("synth", "--size", "96x72", "--frames", "1,4", "--stack", "-o", directory);
        Assert.True(code == ExitCodes.Success, error);
        var scene = SynthesisManifest.Load(directory).Scenes[0];
        Assert.Equal("scene-000/frames.tif", scene.Files["frames"]);
        Assert.Equal(4, SemRestore.Imaging.Io.ImageIo.ReadStack(Path.Combine(directory, scene.Files["frames"])).Count);
    }

    [Theory]
    [InlineData("--size", "100", "--size")]
    [InlineData("--frames", "1,0", "--frames")]
    [InlineData("--kind", "donuts", "holes-irregular")]
    [InlineData("--kind", "holes:radius=0.9", "radius")]
    [InlineData("--dose", "-3", "Dose")]
    [InlineData("--bit-depth", "12", "Bit depth")]
    [InlineData("--preset", "bogus", "renin")]
    public void Synth_BadOptions_ReturnUsageAndSayWhy(string option, string value, string fragment)
    {
        var directory = TestPaths.NewTempDirectory();
        var (code, _, error) = CliRunner.Run("synth", option, value, "--size", "64x48", "-o", directory);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(fragment, error);
        Assert.False(File.Exists(Path.Combine(directory, "manifest.json")));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
