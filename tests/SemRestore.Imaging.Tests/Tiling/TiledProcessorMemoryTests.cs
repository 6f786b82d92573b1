using SemRestore.Imaging.Tiling;

namespace SemRestore.Imaging.Tests.Tiling;

[CollectionDefinition(nameof(TiledProcessorMemoryTests), DisableParallelization = true)]
public sealed class TiledMemoryCollection;

/// <summary>Bounded memory on a 3072x2048 image: the live heap never holds more than the output plus a few tiles.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(TiledProcessorMemoryTests))]
public sealed class TiledProcessorMemoryTests
{
    [Theory]
    [InlineData(TileBlending.SmoothWindow)]
    [InlineData(TileBlending.CropInterior)]
    public void Process_LargeImage_KeepsLiveMemoryBounded(TileBlending blending)
    {
        const int width = 3072, height = 2048, tile = 512;
        var input = new GrayImage(width, height);
        for (var i = 0; i < input.Pixels.Length; i++)
        {
            input.Pixels[i] = (i % 977) / 977f;
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var calls = 0;
        var result = TiledProcessor.Process(
            input,
            t =>
            {
                // Measure every few tiles: a full collection shows what is really kept alive.
                if (calls++ % 4 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }

                return t.Clone();
            },
            new TileOptions(TileSize: tile, Overlap: 32, Blending: blending));

        var outputBytes = (long)width * height * sizeof(float);
        var tileBytes = (long)tile * tile * sizeof(float);
        Assert.True(peak < outputBytes + 4 * tileBytes, $"live growth {peak / 1e6:F1} MB with a {outputBytes / 1e6:F1} MB output and {tileBytes / 1e6:F1} MB tiles");
        Assert.Equal(input.Pixels[123456], result.Pixels[123456], 5);
        Assert.True(calls > 20);
    }
}
