using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>PNG variants from PIL and from the generator's hand-written encoder (low depths, Adam7, all filters).</summary>
[Trait("Category", "Golden")]
public sealed class PngCodecTests
{
    [Theory]
    [InlineData("gray8_pil.png", "u8")]
    [InlineData("gray8_filters.png", "u8")]
    [InlineData("gray8_adam7.png", "u8")]
    [InlineData("gray8_alpha_pil.png", "u8")]
    [InlineData("gray16_pil.png", "u16")]
    [InlineData("gray16_adam7.png", "u16")]
    [InlineData("gray16_alpha.png", "u16")]
    public void Read_Gray_DecodesToTheOriginalPixels(string name, string depth)
    {
        var image = IoFixtures.Read(name);
        Assert.Equal(depth == "u8" ? 8 : 16, image.BitDepth);
        IoFixtures.AssertPixels(IoFixtures.Expected(depth), image, name);
        Assert.Equal(name.Contains("alpha"), image.Metadata.ContainsKey("warning"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Read_LowBitDepth_ScalesByTheMaximumCode(int bits)
    {
        var expected = IoFixtures.Normalise(IoFixtures.Codes($"gray{bits}.raw", 1), (1 << bits) - 1);
        IoFixtures.AssertPixels(expected, IoFixtures.Read($"gray{bits}.png"), $"gray{bits}");
        IoFixtures.AssertPixels(expected, IoFixtures.Read($"gray{bits}_adam7.png"), $"gray{bits} Adam7");
    }

    [Theory]
    [InlineData("rgb8_pil.png")]
    [InlineData("rgba8_pil.png")]
    [InlineData("rgb8_adam7.png")]
    public void Read_Rgb_GivesBt601Luma(string name)
    {
        var expected = IoFixtures.Luma(IoFixtures.Codes("rgb8.raw", 1), 255.0);

        var image = IoFixtures.Read(name);
        IoFixtures.AssertPixels(expected, image, name, tolerance: 1e-6);
        Assert.Contains("luma", image.Metadata["warning"]);
    }

    [Fact]
    public void Read_Rgba16_GivesBt601Luma()
    {
        var expected = IoFixtures.Luma(IoFixtures.Codes("rgb16.raw", 2), 65535.0);

        IoFixtures.AssertPixels(expected, IoFixtures.Read("rgba16.png"), "rgba16", tolerance: 1e-6);
    }

    [Theory]
    [InlineData("palette8_pil.png")]
    [InlineData("palette4_adam7.png")]
    public void Read_Palette_GivesLumaOfPlte(string name)
    {
        var index = IoFixtures.Codes("base_u8.raw", 1);
        var palette = IoFixtures.Codes("png_palette_rgb.raw", 1);
        var expected = new float[index.Length];
        for (var i = 0; i < index.Length; i++)
        {
            var k = index[i] >> 4;
            expected[i] = (float)((0.299 * palette[3 * k] / 255.0) + (0.587 * palette[(3 * k) + 1] / 255.0) + (0.114 * palette[(3 * k) + 2] / 255.0));
        }

        IoFixtures.AssertPixels(expected, IoFixtures.Read(name), name, tolerance: 1e-6);
    }

    [Fact]
    public void Read_TextChunk_BecomesMetadata()
    {
        Assert.Equal("made by make_fixtures.py", IoFixtures.Read("gray8_filters.png").Metadata["png.Comment"]);
    }

    [Fact]
    public void Probe_ReportsInterlaceAndColour()
    {
        var info = ImageIo.Probe(IoFixtures.PathOf("rgb8_adam7.png"));
        Assert.Equal((67, 45, 8, "rgb"), (info.Width, info.Height, info.BitDepth, info.ColorModel));
        Assert.Equal("Adam7", info.Metadata["png.interlace"]);
    }

    [Theory]
    [InlineData(8, 67, 45)]
    [InlineData(16, 67, 45)]
    [InlineData(8, 1, 1)]
    [InlineData(16, 3, 200)]
    public void Write_ThenRead_IsExact(int depth, int width, int height)
    {
        var image = TiffWriteTests.Quantised(TestImages.Textured(width, height, seed: 3), depth);
        var path = Path.Combine(TestPaths.NewTempDirectory(), "x.png");
        ImageIo.Write(path, image);
        var back = ImageIo.Read(path);
        Assert.Equal(depth, back.BitDepth);
        Assert.Equal(image.Pixels, back.Pixels);
    }

    [Fact]
    public void Write_Depth32_IsRejectedWithTheReason()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "x.png");
        var error = Assert.ThrowsAny<ArgumentException>(() => ImageIo.Write(path, new GrayImage(2, 2), new ImageWriteOptions(32)));
        Assert.Contains("PNG stores 8 or 16-bit", error.Message);
    }

    [Fact]
    public void Read_BadCrc_IsReported()
    {
        var bytes = IoFixtures.Bytes("gray8_pil.png");
        bytes[20] ^= 0x40; // inside IHDR's data: its CRC no longer matches
        var error = Assert.Throws<ImageFormatException>(() => PngCodec.Read(new MemoryStream(bytes), "bad.png", ImageReadOptions.Default));
        Assert.Contains("CRC mismatch in chunk 'IHDR'", error.Message);
    }
}
