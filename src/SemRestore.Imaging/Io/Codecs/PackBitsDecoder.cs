namespace SemRestore.Imaging.Io.Codecs;

/// <summary>PackBits (Apple/TIFF compression 32773) run-length decoder with every run bounds-checked.</summary>
internal static class PackBitsDecoder
{
    /// <summary>Decodes into <paramref name="destination"/> until it is full or the input ends; returns bytes written.</summary>
    /// <exception cref="InvalidDataException">A literal run reaches past the end of the input.</exception>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var read = 0;
        var written = 0;
        while (read < source.Length && written < destination.Length)
        {
            var header = (sbyte)source[read++];
            if (header >= 0)
            {
                var count = header + 1;
                if (read + count > source.Length)
                {
                    throw new InvalidDataException($"PackBits literal run of {count} bytes passes the end of the data");
                }

                var take = Math.Min(count, destination.Length - written);
                source.Slice(read, take).CopyTo(destination[written..]);
                read += count;
                written += take;
            }
            else if (header != -128)
            {
                if (read >= source.Length)
                {
                    throw new InvalidDataException("PackBits repeat run has no byte to repeat");
                }

                var take = Math.Min(1 - header, destination.Length - written);
                destination.Slice(written, take).Fill(source[read++]);
                written += take;
            }
        }

        return written;
    }
}
