using System.Buffers.Binary;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>Specific bad inputs end in an <see cref="ImageFormatException"/> that names the file and the problem.</summary>
[Trait("Category", "Unit")]
public sealed class BadInputTests
{
    [Fact]
    public void Read_MissingFile_SaysNotFound()
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageIo.Read("/no/such/file.tif"));
        Assert.Contains("/no/such/file.tif", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Theory]
    [InlineData("x.tif", "not a TIFF file")]
    [InlineData("x.png", "not a PNG file")]
    [InlineData("x.pgm", "not a PGM file")]
    [InlineData("x.pfm", "not a PFM file")]
    public void Read_WrongMagic_SaysWhichFormatWasExpected(string name, string fragment)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), name);
        File.WriteAllBytes(path, "GIF89a this is not it"u8.ToArray());
        var error = Assert.Throws<ImageFormatException>(() => ImageIo.Read(path));
        Assert.Contains(fragment, error.Message);
        Assert.Contains(name, error.Message);
    }

    [Theory]
    [InlineData("u16_lzw.tif")]
    [InlineData("u16_none.tif")]
    [InlineData("gray16_pil.png")]
    [InlineData("gray16_p5.pgm")]
    [InlineData("gray_le.pfm")]
    public void Read_Truncated_IsReportedAsCorrupt(string name)
    {
        var bytes = IoFixtures.Bytes(name);
        var path = Path.Combine(TestPaths.NewTempDirectory(), name);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray());
        var error = Assert.Throws<ImageFormatException>(() => ImageIo.Read(path));
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Read_AbsurdTiffDimensions_AreRefusedBeforeAllocating()
    {
        // Patch ImageWidth, ImageLength and RowsPerStrip of the uncompressed fixture to 100000 (10 gigapixels, one strip).
        var bytes = PatchTag(IoFixtures.Bytes("u8_none.tif"), 256, 100_000);
        bytes = PatchTag(bytes, 257, 100_000);
        bytes = PatchTag(bytes, 278, 100_000);
        var error = Assert.Throws<ImageFormatException>(() => TiffCodec.Read(new MemoryStream(bytes), "huge.tif", ImageReadOptions.Default, null));
        Assert.Contains("exceeds the limit", error.Message);
    }

    [Fact]
    public void Read_PixelLimit_IsConfigurable()
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageIo.Read(IoFixtures.PathOf("u8_lzw.tif"), new ImageReadOptions(MaxPixels: 1000)));
        Assert.Contains("67x45 = 3015 pixels exceeds the limit of 1000", error.Message);
        Assert.Throws<ImageFormatException>(() => ImageIo.Read(IoFixtures.PathOf("gray8_pil.png"), new ImageReadOptions(MaxPixels: 1000)));
    }

    [Fact]
    public void Read_AbsurdPngDimensions_AreRefusedBeforeAllocating()
    {
        var bytes = IoFixtures.Bytes("gray8_pil.png");
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), 200_000);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), 200_000);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), SemRestore.Imaging.Io.Codecs.Crc32.Compute(bytes.AsSpan(12, 17)));
        var error = Assert.Throws<ImageFormatException>(() => PngCodec.Read(new MemoryStream(bytes), "huge.png", ImageReadOptions.Default));
        Assert.Contains("exceeds the limit", error.Message);
    }

    [Fact]
    public void Read_CorruptZlibInTiff_NamesTheStrip()
    {
        var bytes = IoFixtures.Bytes("u16_zip.tif");
        // The first strip starts after the 8-byte header (tiffcp writes data before the IFD); scramble its zlib header.
        bytes[8] = 0xFF;
        bytes[9] = 0xFF;
        var error = Assert.Throws<ImageFormatException>(() => TiffCodec.Read(new MemoryStream(bytes), "z.tif", ImageReadOptions.Default, null));
        Assert.Contains("strip 0", error.Message);
    }

    [Fact]
    public void Read_LoopingIfdChain_IsDetected()
    {
        // Point the next-IFD field of the only IFD back at itself.
        var bytes = IoFixtures.Bytes("u8_none.tif");
        var ifd = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(ifd));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(ifd + 2 + (count * 12)), (uint)ifd);
        var error = Assert.Throws<ImageFormatException>(() => TiffCodec.Read(new MemoryStream(bytes), "loop.tif", ImageReadOptions.Default, null));
        Assert.Contains("loops back", error.Message);
    }

    [Fact]
    public void Read_UnknownExtension_IsRefused()
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageIo.Read("image.bmp"));
        Assert.Contains("unknown image extension '.bmp'", error.Message);
    }

    /// <summary>Sets the inline LONG/SHORT value of a tag in the first IFD of a little-endian classic TIFF.</summary>
    internal static byte[] PatchTag(byte[] bytes, ushort tag, uint value)
    {
        var ifd = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(ifd));
        for (var i = 0; i < count; i++)
        {
            var entry = bytes.AsSpan(ifd + 2 + (i * 12), 12);
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) == tag)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
                BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
                BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
                return bytes;
            }
        }

        throw new InvalidOperationException($"tag {tag} not found");
    }
}
