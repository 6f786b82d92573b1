using SemRestore.Imaging.Io.Codecs;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>LZW, PackBits, CRC-32 and the pixel conversions, against known answers and each other.</summary>
[Trait("Category", "Unit")]
public sealed class CodecUnitTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    [InlineData(200_000)]
    public void Lzw_RoundTrip_IsExact(int length)
    {
        foreach (var kind in new[] { "random", "runs", "ramp" })
        {
            var data = Data(kind, length);
            var encoded = new LzwEncoder().Encode(data);
            var decoded = new byte[length];
            Assert.Equal(length, LzwDecoder.Decode(encoded, decoded));
            Assert.Equal(data, decoded);
        }
    }

    [Fact]
    public void Lzw_KnownStream_FromLibtiffDecodes()
    {
        // "ABABABA" as libtiff encodes it: Clear, 'A', 'B', 258 ("AB"), 260 ("ABA", the KwKwK case), EOI, 9-bit codes.
        var stream = Pack9(256, 65, 66, 258, 260, 257);
        var output = new byte[7];
        Assert.Equal(7, LzwDecoder.Decode(stream, output));
        Assert.Equal("ABABABA"u8.ToArray(), output);
    }

    [Fact]
    public void Lzw_CodeBeyondTable_Throws()
    {
        // Clear, 'A', then code 300 which does not exist yet.
        var bytes = Pack9(256, 65, 300, 257);
        Assert.Throws<InvalidDataException>(() => LzwDecoder.Decode(bytes, new byte[16]));
    }

    [Fact]
    public void PackBits_DecodesLiteralAndRepeatRuns()
    {
        // Apple's example: FE AA 02 80 00 2A FD AA 03 80 00 2A 22 F7 AA.
        var packed = new byte[] { 0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA };
        var expected = new byte[] { 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA };
        var output = new byte[expected.Length];
        Assert.Equal(expected.Length, PackBitsDecoder.Decode(packed, output));
        Assert.Equal(expected, output);
    }

    [Fact]
    public void PackBits_LiteralPastTheEnd_Throws()
    {
        Assert.Throws<InvalidDataException>(() => PackBitsDecoder.Decode(new byte[] { 0x05, 1, 2 }, new byte[10]));
    }

    [Fact]
    public void Crc32_MatchesTheCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        var data = Data("random", 1001);
        Assert.Equal(Crc32.Compute(data), ~Crc32.Update(Crc32.Update(0xFFFFFFFFu, data.AsSpan(0, 500)), data.AsSpan(500)));
    }

    [Fact]
    public void PixelConversion_VectorPathsMatchScalar()
    {
        var random = new Random(5);
        for (var length = 0; length <= 256; length++)
        {
            var floats = new float[length];
            for (var i = 0; i < length; i++)
            {
                floats[i] = (float)((random.NextDouble() * 1.4) - 0.2);
            }

            if (length > 3)
            {
                floats[1] = float.NaN;
                floats[2] = 1f;
            }

            var bytes = new byte[length];
            var words = new ushort[length];
            SemRestore.Imaging.Io.PixelConversion.ToUInt8(floats, bytes);
            SemRestore.Imaging.Io.PixelConversion.ToUInt16(floats, words);
            var back8 = new float[length];
            var back16 = new float[length];
            SemRestore.Imaging.Io.PixelConversion.FromUInt8(bytes, back8);
            SemRestore.Imaging.Io.PixelConversion.FromUInt16(words, back16);
            for (var i = 0; i < length; i++)
            {
                Assert.Equal(SemRestore.Imaging.Io.PixelConversion.Quantize(floats[i], 255f), bytes[i]);
                Assert.Equal(SemRestore.Imaging.Io.PixelConversion.Quantize(floats[i], 65535f), words[i]);
                Assert.Equal(bytes[i] * (1f / 255f), back8[i]);
                Assert.Equal(words[i] * (1f / 65535f), back16[i]);
            }
        }
    }

    /// <summary>Packs 9-bit codes MSB first, as the first codes after a Clear are written.</summary>
    private static byte[] Pack9(params int[] codes)
    {
        var stream = new List<byte>();
        ulong buffer = 0;
        var count = 0;
        foreach (var code in codes)
        {
            buffer = (buffer << 9) | (uint)code;
            count += 9;
            while (count >= 8)
            {
                count -= 8;
                stream.Add((byte)(buffer >> count));
            }
        }

        if (count > 0)
        {
            stream.Add((byte)(buffer << (8 - count)));
        }

        return stream.ToArray();
    }

    private static byte[] Data(string kind, int length)
    {
        var data = new byte[length];
        var random = new Random(length);
        for (var i = 0; i < length; i++)
        {
            data[i] = kind switch
            {
                "random" => (byte)random.Next(256),
                "runs" => (byte)((i / 97) % 3),
                _ => (byte)(i % 251),
            };
        }

        return data;
    }
}
