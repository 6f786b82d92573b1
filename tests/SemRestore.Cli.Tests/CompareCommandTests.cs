using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Metrics;
using SemRestore.Metrics.Circles;
using SemRestore.TestUtilities;

namespace SemRestore.Cli.Tests;

public sealed class CompareCommandTests
{
    private static (string Image, string Reference, GrayImage A, GrayImage B) WritePair(int width = 180, int height = 170)
    {
        var folder = TestPaths.NewTempDirectory();
        var reference = TestImages.Textured(width, height, 3);
        var image = reference.Clone();
        var random = new Random(5);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = Math.Clamp(image.Pixels[i] + (float)(random.NextDouble() - 0.5) * 0.1f, 0, 1);
        }

        var imagePath = Path.Combine(folder, "image.tif");
        var referencePath = Path.Combine(folder, "reference.tif");
        ImageIo.Write(imagePath, image, new ImageWriteOptions { BitDepth = 32 });
        ImageIo.Write(referencePath, reference, new ImageWriteOptions { BitDepth = 32 });
        return (imagePath, referencePath, image, reference);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Compare_PrintsOneJsonObjectWithTheLibraryValues()
    {
        var (imagePath, referencePath, image, reference) = WritePair();
        var (code, output, error) = CliRunner.Run("compare", imagePath, referencePath, "--ssim", "wang");
        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(PsnrMetric.Compute(image, reference), root.GetProperty("psnr").GetDouble(), 9);
        Assert.Equal(SsimMetric.Compute(image, reference, SsimOptions.Wang()), root.GetProperty("ssim").GetDouble(), 9);
        Assert.Equal(MsSsimMetric.Compute(image, reference), root.GetProperty("msSsim").GetDouble(), 9);
        Assert.Equal("wang", root.GetProperty("ssimVariant").GetString());
        Assert.False(root.TryGetProperty("failureRate", out _));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Compare_WithCircles_ReportsFailureRate_AndCropMovesGroundTruth()
    {
        var folder = TestPaths.NewTempDirectory();
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Golden, "metrics", "holes_clean_384x288.u8"));
        var scene = new GrayImage(384, 288, 8);
        for (var i = 0; i < bytes.Length; i++)
        {
            scene.Pixels[i] = bytes[i] / 255f;
        }

        var truth = new List<Circle>();
        using (var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Golden, "metrics", "golden.json"))))
        {
            foreach (var c in golden.RootElement.GetProperty("circles").GetProperty("ground_truth").EnumerateArray())
            {
                truth.Add(new Circle(c.GetProperty("x").GetDouble(), c.GetProperty("y").GetDouble(), c.GetProperty("r").GetDouble()));
            }
        }

        var scenePath = Path.Combine(folder, "scene.png");
        var circlesPath = Path.Combine(folder, "circles.json");
        ImageIo.Write(scenePath, scene);
        CircleFile.Save(circlesPath, truth);
        var (code, output, error) = CliRunner.Run("compare", scenePath, scenePath, "--circles", circlesPath);
        Assert.True(code == ExitCodes.Success, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(0.0, json.RootElement.GetProperty("failureRate").GetDouble());
            Assert.Equal(108, json.RootElement.GetProperty("circlesFound").GetInt32());
            Assert.Equal("Infinity", json.RootElement.GetProperty("psnr").GetString());
        }

        // Cropping 32 px off the left moves every circle; a hole is still found only if the crop is applied to the ground truth.
        (code, output, error) = CliRunner.Run("compare", scenePath, scenePath, "--circles", circlesPath, "--crop", "32,0,352,288");
        Assert.True(code == ExitCodes.Success, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal(108, json.RootElement.GetProperty("circlesTotal").GetInt32());
            Assert.True(json.RootElement.GetProperty("circlesFound").GetInt32() >= 99, output);
        }
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compare_DifferentSizes_ExitsBadInputNamingBothSizes()
    {
        var (imagePath, _, _, _) = WritePair(180, 170);
        var (_, otherPath, _, _) = WritePair(170, 170);
        var (code, _, error) = CliRunner.Run("compare", imagePath, otherPath);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("180x170", error);
        Assert.Contains("170x170", error);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compare_BadOptions_ExitUsage()
    {
        var (imagePath, referencePath, _, _) = WritePair();
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("compare", imagePath, referencePath, "--ssim", "matlab").ExitCode);
        var (code, _, error) = CliRunner.Run("compare", imagePath, referencePath, "--data-range", "0");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("data range", error);
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("compare", imagePath, Path.Combine(TestPaths.NewTempDirectory(), "none.tif")).ExitCode);
    }
}
