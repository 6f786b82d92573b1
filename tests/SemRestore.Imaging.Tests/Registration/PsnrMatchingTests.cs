using SemRestore.Imaging.Geometry;
using SemRestore.Imaging.Registration;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Registration;

[Trait("Category", "Unit")]
public sealed class PsnrMatchingTests
{
    private static readonly Lazy<GrayImage> s_scene = new(() => RegistrationImages.Texture(520, 520, 0, 0));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, -3)]
    [InlineData(-40, 39)]
    [InlineData(39, -40)]
    [InlineData(-12, -25)]
    public void Register_RecoversIntegerShiftExactly_OnNoisyTexture(int dx, int dy)
    {
        var big = s_scene.Value;
        var reference = ImageGeometry.Crop(big, 60, 60, 400, 380);
        // Cropping at (60 - dx, 60 - dy) puts the moving content (dx, dy) further right/down: moving(x + dx, y + dy) = reference(x, y).
        var moving = RegistrationImages.Poisson(ImageGeometry.Crop(big, 60 - dx, 60 - dy, 400, 380), 20, seed: 11);
        var result = PsnrMatching.Register(reference, moving);
        Assert.Equal(dx, result.Dx);
        Assert.Equal(dy, result.Dy);
        Assert.Equal("psnr", result.Method);
    }

    [Fact]
    public void Register_ScoreIsThePsnrOfTheBestWindow()
    {
        var reference = TestImages.Random(340, 340, seed: 1);
        var result = PsnrMatching.Register(reference, reference.Clone());
        Assert.Equal(0, result.Dx);
        Assert.Equal(0, result.Dy);
        Assert.True(double.IsPositiveInfinity(result.Score));
    }

    [Fact]
    public void Register_WhenImageTooSmall_SaysHowLargeItMustBe()
    {
        var image = TestImages.Random(300, 300);
        var e = Assert.Throws<InvalidInputException>(() => PsnrMatching.Register(image, image));
        Assert.Contains("335", e.Message);
    }

    [Fact]
    public void Register_WhenSizesDiffer_Throws()
    {
        Assert.Throws<InvalidInputException>(() => PsnrMatching.Register(TestImages.Random(340, 340), TestImages.Random(341, 340)));
    }

    [Fact]
    public void Register_SsimOverride_FollowsTheReNInRule()
    {
        var big = RegistrationImages.Texture(200, 200, 0, 0);
        var reference = ImageGeometry.Crop(big, 40, 40, 120, 120);
        var moving = RegistrationImages.Poisson(ImageGeometry.Crop(big, 37, 42, 120, 120), 50, seed: 5);
        var options = new PsnrMatchingOptions(WindowSize: 32, SearchRadius: 10);
        var psnrOnly = PsnrMatching.Register(reference, moving, options);
        Assert.Equal((3, -2), ((int)psnrOnly.Dx, (int)psnrOnly.Dy));

        // A fake SSIM that prefers the window at shift (h, v) = (5, 1): the PSNR loss there is far below the SSIM gain
        // of 100, so the rule switches to it; with a gain of 1e-9 it keeps the PSNR shift.
        var preferred = ImageGeometry.Crop(moving, 60 + 5, 60 + 1, 32, 32);
        Func<GrayImage, GrayImage, double> Fake(double gain) => (_, window) => window.Pixels.AsSpan().SequenceEqual(preferred.Pixels) ? gain : 0.0;
        var overridden = PsnrMatching.Register(reference, moving, options with { Ssim = Fake(100) });
        Assert.Equal((5, 1), ((int)overridden.Dx, (int)overridden.Dy));
        var kept = PsnrMatching.Register(reference, moving, options with { Ssim = Fake(1e-9) });
        Assert.Equal((3, -2), ((int)kept.Dx, (int)kept.Dy));
    }

    [Fact]
    public void Register_VotingWindows_RecoversShiftWhenTheCentreIsFlat()
    {
        const int size = 400;
        var big = RegistrationImages.Texture(size + 40, size + 40, 0, 0);
        // Flatten the lower-right quadrant of the scene (where the code's window sits) in both images.
        for (var y = 200; y < size + 40; y++)
        {
            for (var x = 200; x < size + 40; x++)
            {
                big[x, y] = 0.5f;
            }
        }

        var reference = ImageGeometry.Crop(big, 20, 20, size, size);
        var moving = RegistrationImages.Poisson(ImageGeometry.Crop(big, 20 - 6, 20 + 4, size, size), 30, seed: 2);
        var options = new PsnrMatchingOptions(WindowSize: 64, SearchRadius: 12, Placement: PsnrWindowPlacement.VotingWindows);
        var result = PsnrMatching.Register(reference, moving, options);
        Assert.Equal((6, -4), ((int)result.Dx, (int)result.Dy));
        Assert.Contains("windows agree", result.Note);
    }

    [Fact]
    public void CropAligned_RemovesTheShiftAndTheBorder()
    {
        var big = TestImages.Random(300, 300, seed: 9);
        var reference = ImageGeometry.Crop(big, 50, 50, 200, 180);
        var moving = ImageGeometry.Crop(big, 50 - 5, 50 + 8, 200, 180);
        var result = new RegistrationResult(5, -8, 0);
        var (a, b) = PsnrMatching.CropAligned(reference, moving, result, searchRadius: 10);
        Assert.Equal(200 - 22, a.Width);
        Assert.Equal(180 - 22, a.Height);
        Assert.Equal(a.Pixels, b.Pixels);
    }

    [Fact]
    public void CropAligned_WhenShiftExceedsSearch_Throws()
    {
        var image = TestImages.Random(100, 100);
        Assert.Throws<ArgumentOutOfRangeException>(() => PsnrMatching.CropAligned(image, image, new RegistrationResult(12, 0, 0), 10));
    }

    [Fact]
    public void SumSquaredDifferences_MatchesScalar_ForEveryLength()
    {
        var random = new Random(4);
        for (var length = 0; length <= 256; length++)
        {
            var a = new float[length];
            var b = new float[length];
            double expected = 0;
            for (var i = 0; i < length; i++)
            {
                a[i] = (float)random.NextDouble();
                b[i] = (float)random.NextDouble();
                expected += (a[i] - b[i]) * (double)(a[i] - b[i]);
            }

            // Float lanes accumulate up to 256 terms: relative error well below 1e-5.
            Assert.True(Math.Abs(expected - PsnrMatching.SumSquaredDifferences(a, b)) <= 1e-5 * expected + 1e-7, $"length {length}");
        }
    }
}
