using System.IO.Compression;
using SemRestore.Imaging.Io;

namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// Minimal PNG writer for report figures: 8-bit grey or 8-bit RGB, filter 0, one zlib IDAT. The imaging codecs read
/// and write grey images only; the correlation heat map needs colour, so the report writes its figures itself.
/// </summary>
internal static class PngEncoder
{
    private static readonly uint[] s_crcTable = BuildCrcTable();

    /// <summary>Writes <paramref name="pixels"/> (width * height * channels bytes, row-major) atomically.</summary>
    public static void Write(string path, int width, int height, int channels, byte[] pixels)
    {
        if (channels is not (1 or 3) || pixels.Length != width * height * channels)
        {
            throw new ArgumentException($"PNG figure: {pixels.Length} bytes do not make a {width}x{height} image with {channels} channel(s).", nameof(pixels));
        }

        AtomicFile.Write(path, stream =>
        {
            stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            var header = new byte[13];
            WriteBigEndian(header, 0, (uint)width);
            WriteBigEndian(header, 4, (uint)height);
            header[8] = 8;
            header[9] = channels == 1 ? (byte)0 : (byte)2;
            WriteChunk(stream, "IHDR", header);
            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                var stride = width * channels;
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0);
                    zlib.Write(pixels, y * stride, stride);
                }
            }

            WriteChunk(stream, "IDAT", raw.ToArray());
            WriteChunk(stream, "IEND", Array.Empty<byte>());
        });
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        stream.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = 0xFFFFFFFFu;
        crc = Update(crc, typeBytes);
        crc = Update(crc, data);
        var crcBytes = new byte[4];
        WriteBigEndian(crcBytes, 0, crc ^ 0xFFFFFFFFu);
        stream.Write(crcBytes);
    }

    private static uint Update(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc = s_crcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
