namespace SemRestore.Imaging.Io.Codecs;

/// <summary>CRC-32 (ISO-HDLC, polynomial 0xEDB88320, as PNG uses it), slicing-by-8 for speed.</summary>
internal static class Crc32
{
    private static readonly uint[] s_table = BuildTable();

    /// <summary>Continues a CRC: start with <c>0xFFFFFFFF</c>, finish with <c>~crc</c>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = s_table;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            var low = crc ^ (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            crc = table[(7 * 256) + (low & 0xFF)] ^ table[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ table[(5 * 256) + ((low >> 16) & 0xFF)] ^ table[(4 * 256) + (low >> 24)]
                ^ table[(3 * 256) + data[i + 4]] ^ table[(2 * 256) + data[i + 5]]
                ^ table[256 + data[i + 6]] ^ table[data[i + 7]];
        }

        for (; i < data.Length; i++)
        {
            crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>The CRC of one buffer.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}
