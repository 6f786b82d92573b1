using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>PGM (P2/P5, maxval scaling, big-endian 16-bit) and PFM (byte order from the scale sign, bottom-up rows).</summary>
[Trait("Category", "Golden")]
public sealed class NetpbmCodecTests
{
    [Theory]
    [InlineData("gray8_p5.pgm", "u8")]
    [InlineData("gray8_p2.pgm", "u8")]
    [InlineData("gray16_p5.pgm", "u16")]
    public void ReadPgm_DecodesToTheOriginalPixels(string name, string depth)
    {
        var image = IoFixtures.Read(name);
        Assert.Equal(depth == "u8" ? 8 : 16, image.BitDepth);
        IoFixtures.AssertPixels(IoFixtures.Expected(depth), image, name);
    }

    [Fact]
    public void ReadPgm_Maxval1023_DividesByMaxval()
    {
        var expected = IoFixtures.Normalise(IoFixtures.Codes("gray10.raw", 2), 1023);
        var image = IoFixtures.Read("gray10_p5.pgm");
        IoFixtures.AssertPixels(expected, image, "maxval 1023");
        Assert.Equal(16, image.BitDepth);
        Assert.Equal("1023", ImageIo.Probe(IoFixtures.PathOf("gray10_p5.pgm")).Metadata["pgm.maxval"]);
    }

    [Theory]
    [InlineData("gray_le.pfm")]
    [InlineData("gray_be.pfm")]
    public void ReadPfm_KeepsValuesAndRowOrder(string name)
    {
        var image = IoFixtures.Read(name);
        Assert.Equal(32, image.BitDepth);
        IoFixtures.AssertPixels(IoFixtures.Expected("f32"), image, name, tolerance: 0);
    }

    [Theory]
    [InlineData(".pgm", 8)]
    [InlineData(".pgm", 16)]
    [InlineData(".pfm", 32)]
    public void Write_ThenRead_IsExact(string extension, int depth)
    {
        var image = TiffWriteTests.Quantised(TestImages.Random(13, 7, seed: depth), depth);
        if (depth == 32)
        {
            image.Pixels[0] = -3.5f;
            image.Pixels[1] = 1e20f;
        }

        var path = Path.Combine(TestPaths.NewTempDirectory(), "x" + extension);
        ImageIo.Write(path, image);
        var back = ImageIo.Read(path);
        Assert.Equal(image.Pixels, back.Pixels);
        Assert.Equal(depth, back.BitDepth);
    }

    [Theory]
    [InlineData("P5\n3 2\n0\n\0\0\0\0\0\0", "maxval 0")]
    [InlineData("P5\n3 2\n70000\n", "maxval 70000")]
    [InlineData("P5\n3 2\n255\n\0\0", "truncated")]
    [InlineData("P6\n3 2\n255\n", "not a PGM")]
    [InlineData("P2\n2 1\n10\n3 11\n", "above maxval")]
    [InlineData("P5\n-3 2\n255\n", "not a non-negative integer")]
    public void ReadPgm_BadHeader_NamesTheProblem(string content, string fragment)
    {
        var error = Assert.Throws<ImageFormatException>(() => PgmCodec.Read(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(content)), "x.pgm", ImageReadOptions.Default));
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void ReadPfm_AbsurdSize_IsRefusedBeforeAllocating()
    {
        var error = Assert.Throws<ImageFormatException>(() => PfmCodec.Read(new MemoryStream("Pf\n2000000000 2000000000\n-1\n"u8.ToArray()), "x.pfm", ImageReadOptions.Default));
        Assert.Contains("exceeds the limit", error.Message);
    }
}
