using SemRestore.Imaging;

namespace SemRestore.Imaging.Tests;

[Trait("Category", "Unit")]
public sealed class GrayImageTests
{
    [Fact]
    public void Row_ReturnsContiguousRowOfPixels()
    {
        var image = new GrayImage(3, 2);
        image[2, 1] = 0.5f;

        Assert.Equal(3, image.Row(1).Length);
        Assert.Equal(0.5f, image.Row(1)[2]);
        Assert.Equal(0.5f, image.Pixels[5]);
    }

    [Fact]
    public void Constructor_WhenBufferLengthIsWrong_NamesBothSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => new GrayImage(4, 4, new float[15]));
        Assert.Contains("15", error.Message);
        Assert.Contains("4x4", error.Message);
    }

    [Fact]
    public void Clone_CopiesPixelsAndMetadataIndependently()
    {
        var image = new GrayImage(2, 2, 16);
        image.Metadata["ImageDescription"] = "scan";
        image[0, 0] = 1f;

        var copy = image.Clone();
        copy[0, 0] = 0f;

        Assert.Equal(1f, image[0, 0]);
        Assert.Equal("scan", copy.Metadata["ImageDescription"]);
        Assert.Equal(16, copy.BitDepth);
    }
}
