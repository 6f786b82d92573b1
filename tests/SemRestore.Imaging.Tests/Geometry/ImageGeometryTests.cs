using SemRestore.Imaging.Geometry;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Geometry;

[Trait("Category", "Unit")]
public sealed class ImageGeometryTests
{
    private static GrayImage Ramp(int width, int height)
    {
        var image = new GrayImage(width, height, 16);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = i;
        }

        image.Metadata["source"] = "ramp";
        return image;
    }

    [Fact]
    public void Crop_CopiesTheRectangle_AndKeepsDepthAndMetadata()
    {
        var crop = ImageGeometry.Crop(Ramp(5, 4), 1, 2, 3, 2);
        Assert.Equal([11f, 12f, 13f, 16f, 17f, 18f], crop.Pixels);
        Assert.Equal(16, crop.BitDepth);
        Assert.Equal("ramp", crop.Metadata["source"]);
    }

    [Theory]
    [InlineData(-1, 0, 2, 2)]
    [InlineData(0, 0, 6, 1)]
    [InlineData(4, 3, 2, 1)]
    [InlineData(0, 0, 0, 1)]
    public void Crop_OutsideTheImage_Throws(int x, int y, int w, int h)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ImageGeometry.Crop(Ramp(5, 4), x, y, w, h));
    }

    [Fact]
    public void Pad_Reflect_MatchesNumpyReflect_EvenForPadsWiderThanTheImage()
    {
        // numpy.pad([0, 1, 2], (5, 4), 'reflect') = [1 0 1 2 1 0 1 2 1 0 1 2]
        var padded = ImageGeometry.Pad(Ramp(3, 1), 5, 0, 4, 0, PadMode.Reflect);
        Assert.Equal([1f, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2], padded.Pixels);
    }

    [Fact]
    public void Pad_Replicate_AndZero_FillAsNamed()
    {
        Assert.Equal([0f, 0, 0, 0, 1, 2, 3, 3, 3], ImageGeometry.Pad(Ramp(4, 1), 3, 0, 2, 0, PadMode.Replicate).Pixels);
        var zero = ImageGeometry.Pad(Ramp(2, 2), 1, 1, 0, 0, PadMode.Zero);
        Assert.Equal([0f, 0, 0, 0, 0, 1, 0, 2, 3], zero.Pixels);
    }

    [Fact]
    public void Pad_Reflect_Vertically()
    {
        var padded = ImageGeometry.Pad(Ramp(1, 3), 0, 2, 0, 1, PadMode.Reflect);
        Assert.Equal([2f, 1, 0, 1, 2, 1], padded.Pixels);
    }

    [Fact]
    public void Flips_MirrorTheAxes_AndAreInvolutions()
    {
        var image = Ramp(3, 2);
        Assert.Equal([2f, 1, 0, 5, 4, 3], ImageGeometry.FlipHorizontal(image).Pixels);
        Assert.Equal([3f, 4, 5, 0, 1, 2], ImageGeometry.FlipVertical(image).Pixels);
        Assert.Equal(image.Pixels, ImageGeometry.FlipHorizontal(ImageGeometry.FlipHorizontal(image)).Pixels);
    }

    [Fact]
    public void Rotate90_MatchesNumpyRot90()
    {
        var image = Ramp(3, 2); // [[0 1 2] [3 4 5]]
        var ccw = ImageGeometry.Rotate90(image, 1);
        Assert.Equal((2, 3), (ccw.Width, ccw.Height));
        Assert.Equal([2f, 5, 1, 4, 0, 3], ccw.Pixels);
        Assert.Equal([3f, 0, 4, 1, 5, 2], ImageGeometry.Rotate90(image, -1).Pixels);
        Assert.Equal([5f, 4, 3, 2, 1, 0], ImageGeometry.Rotate90(image, 2).Pixels);
        Assert.Equal(image.Pixels, ImageGeometry.Rotate90(image, 4).Pixels);
        Assert.Equal(ImageGeometry.Rotate90(image, 3).Pixels, ImageGeometry.Rotate90(image, -1).Pixels);
    }

    [Fact]
    public void Translate_MovesContentAndFillsTheRest()
    {
        var moved = ImageGeometry.Translate(Ramp(3, 3), 1, -1, fill: -1);
        Assert.Equal([-1f, 3, 4, -1, 6, 7, -1, -1, -1], moved.Pixels);
        Assert.All(ImageGeometry.Translate(Ramp(3, 3), 5, 0).Pixels, v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData(ResampleMethod.Bilinear)]
    [InlineData(ResampleMethod.Bicubic)]
    [InlineData(ResampleMethod.Lanczos3)]
    public void Shift_ByWholePixels_EqualsTranslateInside(ResampleMethod method)
    {
        var image = TestImages.Random(20, 16, seed: 3);
        var shifted = Resampler.Shift(image, 3, -2, method);
        var expected = ImageGeometry.Translate(image, 3, -2);
        for (var y = 0; y < 14; y++)
        {
            for (var x = 3; x < 20; x++)
            {
                Assert.Equal(expected[x, y], shifted[x, y], 5);
            }
        }
    }

    [Fact]
    public void Shift_SubPixel_ThenBack_IsCloseToTheIdentityOnSmoothImages()
    {
        var image = TestImages.Textured(64, 64, seed: 2);
        var roundTrip = Resampler.Shift(Resampler.Shift(image, 0.37, -1.61), -0.37, 1.61);
        double max = 0;
        for (var y = 4; y < 60; y++)
        {
            for (var x = 4; x < 60; x++)
            {
                max = Math.Max(max, Math.Abs(roundTrip[x, y] - image[x, y]));
            }
        }

        Assert.True(max < 2e-3, $"max error {max}");
    }

    [Fact]
    public void Shift_SubPixel_MovesALinearRampExactly()
    {
        // Bicubic (Keys) reproduces linear functions, so a ramp shifted by 0.25 drops by 0.25 everywhere inside.
        var image = new GrayImage(16, 4);
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                image[x, y] = x;
            }
        }

        var shifted = Resampler.Shift(image, 0.25, 0);
        for (var x = 2; x < 14; x++)
        {
            Assert.Equal(x - 0.25, shifted[x, 1], 4);
        }
    }

    [Fact]
    public void Resize_ToTheSameSize_IsACopy_AndBadSizesThrow()
    {
        var image = TestImages.Random(9, 7);
        Assert.Equal(image.Pixels, Resampler.Resize(image, 9, 7, ResampleMethod.Lanczos3).Pixels);
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resize(image, 0, 7));
    }

    [Fact]
    public void BadShiftsAndPads_ThrowArgumentExceptions()
    {
        var image = TestImages.Random(9, 7);
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Shift(image, double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Shift(image, 0, 1e12));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Pad(image, int.MaxValue, 0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Pad(image, -1, 0, 0, 0));
    }

    [Fact]
    public void Shift_FarOutside_GivesTheReplicatedBorder()
    {
        var image = TestImages.Random(9, 7);
        var shifted = Resampler.Shift(image, 1000.5, 0);
        for (var y = 0; y < 7; y++)
        {
            Assert.Equal(image[0, y], shifted[8, y], 5);
        }
    }

    [Fact]
    public void Resize_ConstantImage_StaysConstant()
    {
        var image = TestImages.Constant(13, 11, 0.3f);
        foreach (var method in Enum.GetValues<ResampleMethod>())
        {
            Assert.All(Resampler.Resize(image, 29, 5, method).Pixels, v => Assert.Equal(0.3f, v, 5));
        }
    }
}
