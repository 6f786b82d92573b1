using SemRestore.Imaging.Io;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>Every TIFF variant made by tiffcp, tifffile and PIL decodes to exactly the original pixels.</summary>
[Trait("Category", "Golden")]
public sealed class TiffReadGoldenTests
{
    public static TheoryData<string> IntegerVariants()
    {
        var data = new TheoryData<string>();
        foreach (var depth in new[] { "u8", "u16" })
        {
            foreach (var variant in new[] { "none", "lzw", "lzw_pred2", "zip", "zip_pred2", "packbits", "tiles", "tiles_lzw_pred2", "be", "be_lzw_pred2", "be_tiles_zip", "rows7", "bigtiff_lzw" })
            {
                data.Add($"{depth}_{variant}.tif");
            }
        }

        data.Add("u16_bigtiff.tif");
        data.Add("u16_bigtiff_be.tif");
        data.Add("u16_deflate32946.tif");
        return data;
    }

    [Theory]
    [MemberData(nameof(IntegerVariants))]
    public void Read_IntegerVariant_DecodesToTheOriginalPixels(string name)
    {
        var depth = name[..name.IndexOf('_')];
        var image = IoFixtures.Read(name);
        Assert.Equal((IoFixtures.Width, IoFixtures.Height), (image.Width, image.Height));
        Assert.Equal(depth == "u8" ? 8 : 16, image.BitDepth);
        IoFixtures.AssertPixels(IoFixtures.Expected(depth), image, name);
        Assert.False(image.Metadata.ContainsKey("warning"));
    }

    [Theory]
    [InlineData("f32_none.tif")]
    [InlineData("f32_lzw.tif")]
    [InlineData("f32_zip_pred3.tif")]
    [InlineData("f32_lzw_pred3.tif")]
    [InlineData("f32_be.tif")]
    [InlineData("f32_be_zip_pred3.tif")]
    [InlineData("f32_tiles_zip.tif")]
    [InlineData("f32_be_tifffile.tif")]
    public void Read_FloatVariant_KeepsTheFloatValuesExactly(string name)
    {
        var image = IoFixtures.Read(name);
        Assert.Equal(32, image.BitDepth);
        IoFixtures.AssertPixels(IoFixtures.Expected("f32"), image, name, tolerance: 0);
    }

    [Fact]
    public void ReadStack_MultiPage_ReturnsEveryPageInOrder()
    {
        foreach (var name in new[] { "stack3_u16.tif", "stack3_u16_lzw.tif" })
        {
            var frames = ImageIo.ReadStack(IoFixtures.PathOf(name));
            Assert.Equal(3, frames.Count);
            var all = IoFixtures.Normalise(IoFixtures.Codes("stack3_u16.raw", 2), 65535);
            var size = IoFixtures.Width * IoFixtures.Height;
            for (var page = 0; page < 3; page++)
            {
                IoFixtures.AssertPixels(all.AsSpan(page * size, size).ToArray(), frames[page], $"{name} page {page}");
            }

            Assert.Equal(3, ImageIo.Probe(IoFixtures.PathOf(name)).Pages);
        }
    }

    [Fact]
    public void Read_MultiPage_ReadReturnsTheFirstPage()
    {
        var first = ImageIo.Read(IoFixtures.PathOf("stack3_u16.tif"));
        IoFixtures.AssertPixels(IoFixtures.Expected("u16"), first, "first page");
    }

    [Fact]
    public void Read_MinIsWhite_IsInverted()
    {
        // The file stores 255 - original with MinIsWhite, so the reader's inversion gives the original back.
        var image = IoFixtures.Read("u8_miniswhite.tif");
        IoFixtures.AssertPixels(IoFixtures.Expected("u8"), image, "min-is-white");
    }

    [Theory]
    [InlineData("rgb8.tif")]
    [InlineData("rgb8_lzw_pred2.tif")]
    [InlineData("rgb8_planar.tif")]
    [InlineData("rgba8.tif")]
    public void Read_Rgb8_GivesBt601LumaAndAWarning(string name)
    {
        var expected = IoFixtures.Luma(IoFixtures.Codes("rgb8.raw", 1), 255.0);

        var image = IoFixtures.Read(name);
        IoFixtures.AssertPixels(expected, image, name, tolerance: 1e-6);
        Assert.Contains("luma", image.Metadata["warning"]);
        Assert.Equal(8, image.BitDepth);
    }

    [Fact]
    public void Read_Rgb16_GivesBt601Luma()
    {
        var expected = IoFixtures.Luma(IoFixtures.Codes("rgb16.raw", 2), 65535.0);

        IoFixtures.AssertPixels(expected, IoFixtures.Read("rgb16.tif"), "rgb16", tolerance: 1e-6);
    }

    [Fact]
    public void Read_Palette_GivesLumaOfTheColorMap()
    {
        var index = IoFixtures.Codes("palette8_index.raw", 1);
        var map = IoFixtures.Codes("palette8_colormap.raw", 2);
        var expected = new float[index.Length];
        for (var i = 0; i < index.Length; i++)
        {
            var k = index[i];
            expected[i] = (float)((0.299 * map[k] / 65535.0) + (0.587 * map[256 + k] / 65535.0) + (0.114 * map[512 + k] / 65535.0));
        }

        var image = IoFixtures.Read("palette8.tif");
        IoFixtures.AssertPixels(expected, image, "palette", tolerance: 1e-6);
        Assert.Contains("palette", image.Metadata["warning"]);
    }

    [Fact]
    public void Read_TextTags_AreKeptAsMetadata()
    {
        var image = IoFixtures.Read("u8_metadata.tif");
        Assert.Equal("SEM image, 10 kV", image.Metadata["tiff.ImageDescription"]);
        Assert.Equal("[User]\r\nDate=08/09/2021\r\nUser=support\r\n\r\n[Scan]\r\nPixelWidth=5.82813e-009\r\n", image.Metadata["tiff.34682"]);
        Assert.Equal("AP_PIXEL_SIZE\r\nPixel Size = 5.8 nm", image.Metadata["tiff.34118"]);
    }

    [Fact]
    public void Read_JpegCompression_SaysItIsNotSupported()
    {
        var error = Assert.Throws<ImageFormatException>(() => IoFixtures.Read("rgb8_jpeg.tif"));
        Assert.Contains("compression JPEG (7) is not supported", error.Message);
        Assert.Contains("rgb8_jpeg.tif", error.Message);
    }

    [Theory]
    [InlineData("u16_tiles.tif", "tiles 16x16", "none")]
    [InlineData("u16_lzw_pred2.tif", "strips", "lzw")]
    [InlineData("u16_be_tiles_zip.tif", "tiles 16x16", "deflate")]
    [InlineData("u8_packbits.tif", "strips", "packbits")]
    [InlineData("rgb8_jpeg.tif", "strips of 16 rows", "JPEG (7, not supported)")]
    public void Probe_DescribesLayoutAndCompression(string name, string layout, string compression)
    {
        var info = ImageIo.Probe(IoFixtures.PathOf(name));
        Assert.Equal(IoFixtures.Width, info.Width);
        Assert.Equal(IoFixtures.Height, info.Height);
        Assert.StartsWith(layout, info.Metadata["tiff.layout"]);
        Assert.Equal(compression, info.Compression);
    }

    [Fact]
    public void Probe_BigEndianBigTiff_SaysSo()
    {
        var info = ImageIo.Probe(IoFixtures.PathOf("u16_bigtiff_be.tif"));
        Assert.Equal("BigTIFF", info.Metadata["tiff.variant"]);
        Assert.StartsWith("big-endian", info.Metadata["tiff.byte-order"]);
        Assert.Equal(16, info.BitDepth);
        Assert.Equal("uint", info.SampleFormat);
    }
}
