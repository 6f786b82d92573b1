using SemRestore.Imaging.Geometry;
using SemRestore.Imaging.Registration;

namespace SemRestore.Imaging.Tests.Registration;

[Trait("Category", "Unit")]
public sealed class PhaseCorrelationTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, -3)]
    [InlineData(-17, 11)]
    public void Register_RecoversIntegerShiftExactly(int dx, int dy)
    {
        var big = RegistrationImages.Texture(300, 300, 0, 0);
        var reference = ImageGeometry.Crop(big, 40, 40, 200, 160);
        // Cropping further left (40 - dx) puts the moving content dx px further right: moving(x + dx) = reference(x).
        var moving = RegistrationImages.Poisson(ImageGeometry.Crop(big, 40 - dx, 40 - dy, 200, 160), 50, seed: 1);
        var integer = PhaseCorrelation.Register(reference, moving, new PhaseCorrelationOptions(UpsampleFactor: 1, ResidualStrips: 0));
        Assert.Equal(dx, integer.Dx);
        Assert.Equal(dy, integer.Dy);
    }

    [Theory]
    [InlineData(0.3, -0.7)]
    [InlineData(2.45, 1.15)]
    [InlineData(-3.6, 0.52)]
    [InlineData(-0.25, -6.8)]
    [InlineData(11.5, -0.5)]
    public void Register_RecoversSubPixelShiftWithinATenth_OnPoissonNoisyTexture(double dx, double dy)
    {
        // Both images noisy (Poisson, 30 counts at white: per-pixel SNR about 1).
        var reference = RegistrationImages.Poisson(RegistrationImages.Texture(256, 256, 0, 0), 30, seed: 1);
        var moving = RegistrationImages.Poisson(RegistrationImages.Texture(256, 256, dx, dy), 30, seed: 2);
        var result = PhaseCorrelation.Register(reference, moving, new PhaseCorrelationOptions(ResidualStrips: 0));
        Assert.InRange(result.Dx, dx - 0.1, dx + 0.1);
        Assert.InRange(result.Dy, dy - 0.1, dy + 0.1);
        Assert.Equal("phase", result.Method);
    }

    [Fact]
    public void Register_PhaseNormalization_RecoversIntegerShiftOnBroadbandImage()
    {
        var big = SemRestore.TestUtilities.TestImages.Random(200, 200, seed: 8);
        var reference = ImageGeometry.Crop(big, 30, 30, 128, 128);
        var moving = ImageGeometry.Crop(big, 30 - 6, 30 + 9, 128, 128);
        var options = new PhaseCorrelationOptions(Normalization: CorrelationNormalization.Phase, LowPassSigma: null, ResidualStrips: 0);
        var result = PhaseCorrelation.Register(reference, moving, options);
        Assert.InRange(result.Dx, 5.95, 6.05);
        Assert.InRange(result.Dy, -9.05, -8.95);
        Assert.True(result.Score > 0.5);
    }

    [Fact]
    public void Register_LargeImage_UsesTheCentralRegion_AndStaysAccurate()
    {
        var reference = RegistrationImages.Texture(420, 300, 0, 0);
        var moving = RegistrationImages.Texture(420, 300, 1.7, -2.3);
        var result = PhaseCorrelation.Register(reference, moving, new PhaseCorrelationOptions(MaxRegionSize: 128, ResidualStrips: 2));
        Assert.InRange(result.Dx, 1.6, 1.8);
        Assert.InRange(result.Dy, -2.4, -2.2);
        Assert.All(result.LocalShifts!, s => Assert.Equal(128, s.Width));
    }

    [Fact]
    public void Register_MaxShift_RestrictsThePeakSearch()
    {
        var reference = RegistrationImages.Texture(128, 128, 0, 0);
        var moving = RegistrationImages.Texture(128, 128, 9, 0);
        var free = PhaseCorrelation.Register(reference, moving, new PhaseCorrelationOptions(ResidualStrips: 0));
        Assert.InRange(free.Dx, 8.9, 9.1);
        var limited = PhaseCorrelation.Register(reference, moving, new PhaseCorrelationOptions(MaxShift: 4, ResidualStrips: 0));
        Assert.True(Math.Abs(limited.Dx) <= 4.5);
    }

    [Fact]
    public void Register_ReportsSmallResidual_ForAGlobalShift()
    {
        var reference = RegistrationImages.Poisson(RegistrationImages.Texture(256, 256, 0, 0), 40, seed: 3);
        var moving = RegistrationImages.Poisson(RegistrationImages.Texture(256, 256, 1.4, -2.2), 40, seed: 4);
        var result = PhaseCorrelation.Register(reference, moving);
        Assert.NotNull(result.LocalShifts);
        Assert.Equal(4, result.LocalShifts!.Count);
        Assert.True(result.ResidualPx < 0.15, $"residual {result.ResidualPx}");
    }

    [Fact]
    public void Register_ReportsLargeResidual_WhenTheFrameDrifts()
    {
        // Slow-scan drift: the horizontal shift grows from 0 at the top to 3 px at the bottom.
        var reference = RegistrationImages.Texture(256, 256, 0, 0);
        var moving = RegistrationImages.Texture(256, 256, 0, 0, drift: 3);
        var result = PhaseCorrelation.Register(reference, moving);
        Assert.True(result.ResidualPx > 0.8, $"residual {result.ResidualPx}");
        var shifts = result.LocalShifts!;
        Assert.True(shifts[^1].Dx - shifts[0].Dx > 1.5, "residuals should grow down the frame");
    }

    [Fact]
    public void Register_WhenSizesDiffer_Throws()
    {
        var a = RegistrationImages.Texture(64, 64, 0, 0);
        var b = RegistrationImages.Texture(64, 60, 0, 0);
        Assert.Throws<InvalidInputException>(() => PhaseCorrelation.Register(a, b));
    }

    [Fact]
    public void Options_OutOfRange_NameTheParameter()
    {
        var a = RegistrationImages.Texture(64, 64, 0, 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PhaseCorrelation.Register(a, a, new PhaseCorrelationOptions(UpsampleFactor: 0)));
        Assert.Equal("UpsampleFactor", e.ParamName);
    }
}
