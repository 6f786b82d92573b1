using System.IO.Compression;

namespace SemRestore.Imaging.Io.Codecs;

/// <summary>Whole-buffer zlib (RFC 1950) inflate and deflate on top of System.IO.Compression.ZLibStream.</summary>
internal static class ZlibBlock
{
    /// <summary>Inflates <paramref name="source"/> into <paramref name="destination"/>; returns the bytes produced (at most its length).</summary>
    /// <exception cref="InvalidDataException">The zlib stream is corrupt.</exception>
    public static unsafe int Inflate(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* pointer = source)
        {
            using var input = new UnmanagedMemoryStream(pointer, source.Length);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var total = 0;
            while (total < destination.Length)
            {
                var read = zlib.Read(destination[total..]);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }

    /// <summary>Deflates <paramref name="source"/> into a complete zlib stream.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> source, CompressionLevel level)
    {
        using var output = new MemoryStream(source.Length / 2 + 64);
        using (var zlib = new ZLibStream(output, level, leaveOpen: true))
        {
            zlib.Write(source);
        }

        return output.ToArray();
    }
}
