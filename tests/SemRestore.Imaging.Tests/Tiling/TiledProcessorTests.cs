using SemRestore.Imaging.Geometry;
using SemRestore.Imaging.Tiling;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Tiling;

[Trait("Category", "Unit")]
public sealed class TiledProcessorTests
{
    [Theory]
    [InlineData(TileBlending.SmoothWindow, 1)]
    [InlineData(TileBlending.CropInterior, 1)]
    [InlineData(TileBlending.SmoothWindow, 8)]
    [InlineData(TileBlending.CropInterior, 8)]
    public void Process_WithIdentity_ReproducesTheImage(TileBlending blending, int sizeMultiple)
    {
        var image = TestImages.Random(203, 141, seed: 5);
        var options = new TileOptions(TileSize: 64, Overlap: 8, Blending: blending, SizeMultiple: sizeMultiple);
        var result = TiledProcessor.Process(image, tile => tile.Clone(), options);
        Assert.Equal(image.Width, result.Width);
        Assert.Equal(image.Height, result.Height);
        Assert.True(MaxAbsDifference(image, result) < 1e-6);
    }

    [Fact]
    public void Process_ImageSmallerThanTileWithSizeMultiple_PadsTheTileAndCropsBack()
    {
        var image = TestImages.Random(21, 13, seed: 2);
        var sizes = new List<(int, int)>();
        var result = TiledProcessor.Process(
            image,
            tile =>
            {
                sizes.Add((tile.Width, tile.Height));
                return tile.Clone();
            },
            new TileOptions(TileSize: 64, Overlap: 4, SizeMultiple: 16));
        Assert.Equal([(32, 16)], sizes);
        Assert.True(MaxAbsDifference(image, result) < 1e-6);
    }

    [Theory]
    [InlineData(TileBlending.SmoothWindow)]
    [InlineData(TileBlending.CropInterior)]
    public void Process_WithOutputScale_StitchesUpscaledTiles(TileBlending blending)
    {
        var image = TestImages.Random(90, 70, seed: 3);
        const int scale = 2;
        var options = new TileOptions(TileSize: 32, Overlap: 4, Blending: blending, OutputScale: scale);
        var result = TiledProcessor.Process(image, tile => Resampler.Resize(tile, tile.Width * scale, tile.Height * scale, ResampleMethod.Nearest), options);
        var expected = Resampler.Resize(image, image.Width * scale, image.Height * scale, ResampleMethod.Nearest);
        Assert.True(MaxAbsDifference(expected, result) < 1e-6);
    }

    [Fact]
    public void Process_CropInterior_WithLocalFilterAndEnoughHalo_EqualsWholeImage()
    {
        // A 5x5 box filter has radius 2: a halo of 4 makes tiled output equal the untiled one.
        var image = TestImages.Random(150, 97, seed: 4);
        var options = new TileOptions(TileSize: 40, Overlap: 4, Blending: TileBlending.CropInterior);
        var tiled = TiledProcessor.Process(image, Box5, options);
        Assert.True(MaxAbsDifference(Box5(image), tiled) < 1e-5);
    }

    [Fact]
    public void Process_SmoothWindow_HidesPerTileGainSeams_WhileCropInteriorShowsThem()
    {
        // Each tile multiplies by its own gain (0.9 .. 1.1). The seam metric is the largest jump of the effective
        // gain between neighbouring pixels, relative to the largest gain difference between tiles.
        var image = TestImages.Constant(300, 220, 0.5f);
        var random = new Random(7);
        var options = new TileOptions(TileSize: 64, Overlap: 12);
        var gains = new double[new TileGrid(300, 220, 64, 12).Count];
        for (var i = 0; i < gains.Length; i++)
        {
            gains[i] = 0.9 + 0.2 * random.NextDouble();
        }

        GrayImage Run(TileBlending blending)
        {
            var index = 0;
            return TiledProcessor.Process(
                image,
                tile =>
                {
                    var g = (float)gains[index++];
                    var result = tile.Clone();
                    for (var k = 0; k < result.Pixels.Length; k++)
                    {
                        result.Pixels[k] *= g;
                    }

                    return result;
                },
                options with { Blending = blending });
        }

        var gainRange = gains.Max() - gains.Min();
        var smoothSeam = SeamMetric(Run(TileBlending.SmoothWindow), 0.5) / gainRange;
        var hardSeam = SeamMetric(Run(TileBlending.CropInterior), 0.5) / gainRange;
        Assert.True(smoothSeam < 0.1, $"smooth-window seam {smoothSeam:F3} of the gain range");
        Assert.True(hardSeam > 0.3, $"crop-interior seam {hardSeam:F3}: the metric must see hard seams");
    }

    [Fact]
    public void Process_ReportsProgressAndHonoursCancellation()
    {
        var image = TestImages.Random(100, 100);
        var reports = new List<ProgressReport>();
        var progress = new SynchronousProgress(reports.Add);
        TiledProcessor.Process(image, t => t, new TileOptions(32, 4), progress);
        Assert.Equal(reports.Count, (int)reports[^1].Total);
        Assert.Equal(reports[^1].Total, reports[^1].Done);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TiledProcessor.Process(image, t => t, new TileOptions(32, 4), null, cts.Token));
    }

    [Fact]
    public void Process_WhenTileFunctionReturnsWrongSize_SaysWhat()
    {
        var image = TestImages.Random(50, 50);
        var e = Assert.Throws<InvalidOperationException>(() => TiledProcessor.Process(image, t => new GrayImage(3, 3), new TileOptions(32, 4)));
        Assert.Contains("expected 32x32", e.Message);
    }

    internal static double MaxAbsDifference(GrayImage a, GrayImage b)
    {
        a.EnsureSameSize(b);
        double max = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a.Pixels[i] - b.Pixels[i]));
        }

        return max;
    }

    /// <summary>Largest difference of the gain map output / base between horizontally or vertically adjacent pixels.</summary>
    private static double SeamMetric(GrayImage output, double baseValue)
    {
        double max = 0;
        for (var y = 0; y < output.Height; y++)
        {
            for (var x = 0; x < output.Width; x++)
            {
                var g = output[x, y] / baseValue;
                if (x + 1 < output.Width)
                {
                    max = Math.Max(max, Math.Abs(output[x + 1, y] / baseValue - g));
                }

                if (y + 1 < output.Height)
                {
                    max = Math.Max(max, Math.Abs(output[x, y + 1] / baseValue - g));
                }
            }
        }

        return max;
    }

    private static GrayImage Box5(GrayImage image)
    {
        var padded = ImageGeometry.Pad(image, 2, 2, 2, 2, PadMode.Reflect);
        var result = image.CreateLike();
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                double sum = 0;
                for (var j = 0; j < 5; j++)
                {
                    for (var i = 0; i < 5; i++)
                    {
                        sum += padded[x + i, y + j];
                    }
                }

                result[x, y] = (float)(sum / 25);
            }
        }

        return result;
    }

    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => report(value);
    }
}
