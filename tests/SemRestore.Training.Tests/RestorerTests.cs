using SemRestore.Imaging;
using SemRestore.Models;
using SemRestore.Tensors;
using SemRestore.Tensors.Nn;
using SemRestore.TestUtilities;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests;

[Trait("Category", "Integration")]
public sealed class RestorerTests
{
    // A pooling network: its tiles must start on the 8-px grid for tiled output to equal the whole-image output.
    private sealed class PoolingNet : Module
    {
        private readonly Conv2d _a;
        private readonly Conv2d _b;
        private readonly Conv2d _c;

        public PoolingNet(Random random)
        {
            _a = RegisterModule("a", new Conv2d(1, 4, 3, random, padding: 1));
            _b = RegisterModule("b", new Conv2d(4, 4, 3, random, padding: 1));
            _c = RegisterModule("c", new Conv2d(4, 1, 3, random, padding: 1));
        }

        public override Tensor Forward(Tensor input)
        {
            var x = Ops.Relu(_a.Forward(input));
            var pooled = Ops.MaxPool2d(Ops.MaxPool2d(Ops.MaxPool2d(x, 2), 2), 2);
            var up = Ops.UpsampleNearest(Ops.Relu(_b.Forward(pooled)), 8);
            return _c.Forward(Ops.Add(x, up));
        }
    }

    public static TheoryData<int, int> Sizes => new() { { 70, 45 }, { 64, 64 }, { 17, 101 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Tiled_EqualsWholeImage_ForDnCnn(int width, int height)
    {
        var model = ModelRegistry.Create("dncnn:layers=4,channels=8", 4);
        var image = TestImages.Textured(width, height, seed: 2);
        var whole = new Restorer(model, NormalizationOptions.MinMax, new RestorerOptions(TileSize: 4096)).Denoise(image);
        var tiled = new Restorer(model, NormalizationOptions.MinMax, new RestorerOptions(TileSize: 16)).Denoise(image);
        AssertClose(whole.Pixels, tiled.Pixels, 1e-5f);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Tiled_EqualsWholeImage_ForAPoolingNetOnItsGrid(int width, int height)
    {
        // Receptive field: 1 (a) + 7 (pooling) + 8 (b at 1/8) + 1 (c) = 17 -> halo rounded up to the 8-grid.
        var model = new BuiltModel(new PoolingNet(new Random(3)), "test-pool", SizeMultiple: 8, Halo: 17);
        var image = TestImages.Random(width, height, seed: 5);
        var options = new RestorerOptions(Clip: false, OutputNormalized: true);
        var whole = new Restorer(model, NormalizationOptions.None, options with { TileSize = 4096 }).Denoise(image);
        var tiled = new Restorer(model, NormalizationOptions.None, options with { TileSize = 16 }).Denoise(image);
        AssertClose(whole.Pixels, tiled.Pixels, 1e-5f);
    }

    [Fact]
    public void TooSmallAHalo_BreaksTheEquality_SoTheTestAbovesCanFail()
    {
        var model = new BuiltModel(new PoolingNet(new Random(3)), "test-pool", SizeMultiple: 8, Halo: 0);
        var image = TestImages.Random(64, 64, seed: 5);
        var options = new RestorerOptions(Clip: false, OutputNormalized: true);
        var whole = new Restorer(model, NormalizationOptions.None, options with { TileSize = 4096 }).Denoise(image);
        var tiled = new Restorer(model, NormalizationOptions.None, options with { TileSize = 16 }).Denoise(image);
        Assert.True(whole.Pixels.Zip(tiled.Pixels).Max(p => Math.Abs(p.First - p.Second)) > 1e-3f);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    public void Output_KeepsSizeBitDepthAndMetadata(int bitDepth)
    {
        var model = ModelRegistry.Create("dncnn:layers=3,channels=4", 1);
        var image = TestImages.Textured(33, 21, 1);
        image.BitDepth = bitDepth;
        image.Metadata["note"] = "kept";
        var output = new Restorer(model, NormalizationOptions.MinMax).Denoise(image);
        Assert.Equal((33, 21, bitDepth), (output.Width, output.Height, output.BitDepth));
        Assert.Equal("kept", output.Metadata["note"]);
        Assert.All(output.Pixels, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Inference_LeavesTheModuleInItsTrainingMode()
    {
        var model = ModelRegistry.Create("dncnn:layers=3,channels=4", 1);
        model.Module.Train();
        new Restorer(model, NormalizationOptions.MinMax).Denoise(TestImages.Random(16, 16));
        Assert.True(model.Module.IsTraining);
    }

    [Fact]
    public void Cancellation_Throws()
    {
        var model = ModelRegistry.Create("dncnn:layers=3,channels=4", 1);
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => new Restorer(model, NormalizationOptions.MinMax).Denoise(TestImages.Random(16, 16), source.Token));
    }

    [Fact]
    public void Load_FromAFolderWithoutACard_NamesTheFile()
    {
        var error = Assert.Throws<InvalidInputException>(() => Restorer.Load(TestPaths.NewTempDirectory()));
        Assert.Contains("model.json", error.Message);
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0f;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }

        Assert.True(worst <= tolerance, $"max |tiled - whole| = {worst:E3} exceeds {tolerance:E1}");
    }
}
