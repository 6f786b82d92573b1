using SemRestore.Classical.Tests.Support;
using SemRestore.Imaging;
using SemRestore.TestUtilities;

namespace SemRestore.Classical.Tests;

/// <summary>Checks every registry entry receives (STYLE.md section 3). A new entry fails <see cref="EveryName_HasACase"/> until listed here.</summary>
[Trait("Category", "Unit")]
public sealed class GenericDenoiserTests
{
    /// <summary>Spec per entry and the margin (support radius) beyond which tiling cannot change a pixel; -1 = not a local filter.</summary>
    private static readonly Dictionary<string, (string Spec, int Margin)> s_cases = new()
    {
        ["median"] = ("median:size=5,passes=2", 4),
        ["gaussian"] = ("gaussian:sigma=1.5", 6),
        ["bilateral"] = ("bilateral:diameter=7,sigma_color=30,sigma_space=2", 3),
        ["nlm"] = ("nlm:h=25,template=5,search=11", 7),
        ["bm3d"] = ("bm3d:sigma=20", -1),
        ["tv"] = ("tv:weight=0.1", -1),
    };

    public static TheoryData<string> Names() => new(DenoiserRegistry.Names);

    [Fact]
    public void EveryName_HasACase()
    {
        Assert.Equal(DenoiserRegistry.Names.Order(), s_cases.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_PreservesSizeBitDepthAndInput(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        var input = TestImages.Textured(37, 29, seed: 3);
        input.BitDepth = 16;
        var before = (float[])input.Pixels.Clone();
        var output = denoiser.Denoise(input);
        Assert.Equal((37, 29, 16), (output.Width, output.Height, output.BitDepth));
        Assert.Equal(before, input.Pixels);
        Assert.All(output.Pixels, value => Assert.True(float.IsFinite(value)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_ConstantImage_IsUnchanged(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        var output = denoiser.Denoise(TestImages.Constant(33, 20, 0.4f));
        Assert.All(output.Pixels, value => Assert.Equal(0.4f, value, 1e-4f));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_IsDeterministic(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        var input = Noisy(70, 52, seed: 5);
        Assert.Equal(denoiser.Denoise(input).Pixels, denoiser.Denoise(input).Pixels);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Denoise_OnOneThread_EqualsParallelResult(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        var input = Noisy(70, 52, seed: 6);
        var parallel = denoiser.Denoise(input);
        // Parallel.For picks up TaskScheduler.Current: an exclusive scheduler runs every row or tile on one thread.
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var serial = await Task.Factory.StartNew(() => denoiser.Denoise(input), CancellationToken.None, TaskCreationOptions.None, exclusive);
        Assert.Equal(parallel.Pixels, serial.Pixels);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_SmoothsNoise(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        var clean = TestImages.Textured(64, 48, seed: 2);
        var noisy = Noisy(64, 48, seed: 2);
        Assert.True(Golden.Psnr(denoiser.Denoise(noisy), clean) > Golden.Psnr(noisy, clean) + 1, name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_TinyImages_DoNotFail(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        foreach (var (width, height) in new[] { (1, 1), (2, 1), (1, 5), (3, 2), (9, 7) })
        {
            var output = denoiser.Denoise(TestImages.Random(width, height, seed: width * 10 + height));
            Assert.Equal((width, height), (output.Width, output.Height));
            Assert.All(output.Pixels, value => Assert.True(float.IsFinite(value)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_NaNInput_ThrowsInvalidInput(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        var input = TestImages.Random(10, 10);
        input[3, 4] = float.NaN;
        var error = Assert.Throws<InvalidInputException>(() => denoiser.Denoise(input));
        Assert.Contains("(3, 4)", error.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_InfinityInTheLastPixelOfAWideImage_ThrowsInvalidInput(string name)
    {
        // 131 wide: the fast filters check rows while filtering, in 64-, 16- and 8-lane blocks and a scalar tail.
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        var input = TestImages.Random(131, 9);
        input[130, 8] = float.PositiveInfinity;
        var error = Assert.Throws<InvalidInputException>(() => denoiser.Denoise(input));
        Assert.Contains("(130, 8)", error.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_CancelledToken_Throws(string name)
    {
        var denoiser = DenoiserRegistry.Create(s_cases[name].Spec);
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => denoiser.Denoise(TestImages.Random(40, 40), source.Token));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Denoise_TiledWithMargin_EqualsUntiled(string name)
    {
        var (spec, margin) = s_cases[name];
        if (margin < 0)
        {
            // BM3D matches blocks across the whole search window and TV is a global iteration: tiles legitimately differ.
            return;
        }

        var denoiser = DenoiserRegistry.Create(spec);
        var input = Noisy(61, 47, seed: 9);
        var whole = denoiser.Denoise(input);
        // Four tiles, each grown by the margin, filtered alone; their centres must match the whole image away from the image border
        // (at the image border the tile's own border rule sees the same pixels, so the comparison covers every pixel).
        const int split = 30;
        foreach (var (x0, y0, x1, y1) in new[] { (0, 0, split, 23), (split, 0, 61, 23), (0, 23, split, 47), (split, 23, 61, 47) })
        {
            int gx0 = Math.Max(0, x0 - margin), gy0 = Math.Max(0, y0 - margin), gx1 = Math.Min(61, x1 + margin), gy1 = Math.Min(47, y1 + margin);
            var tile = new GrayImage(gx1 - gx0, gy1 - gy0);
            for (var y = gy0; y < gy1; y++)
            {
                input.Row(y).Slice(gx0, gx1 - gx0).CopyTo(tile.Row(y - gy0));
            }

            var filtered = denoiser.Denoise(tile);
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++)
                {
                    Assert.Equal(whole[x, y], filtered[x - gx0, y - gy0], 1e-5f);
                }
            }
        }
    }

    private static GrayImage Noisy(int width, int height, int seed)
    {
        var image = TestImages.Textured(width, height, seed);
        var random = new Random(seed + 100);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            // Box-Muller Gaussian noise, sigma 0.08.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            image.Pixels[i] += (float)(0.08 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(Math.Tau * u2));
        }

        return image;
    }
}
