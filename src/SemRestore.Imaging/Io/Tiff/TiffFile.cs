namespace SemRestore.Imaging.Io.Tiff;

/// <summary>
/// An opened TIFF or BigTIFF file: byte order, variant and the chain of pages. The chain is followed with a
/// loop guard (an offset seen twice ends it with an error) and a page cap.
/// </summary>
internal sealed class TiffFile
{
    /// <summary>More pages than any stack we expect; a longer chain is treated as corrupt.</summary>
    public const int MaxPages = 1 << 16;

    private TiffFile(TiffSource source, bool bigTiff, List<TiffPage> pages)
    {
        Source = source;
        BigTiff = bigTiff;
        Pages = pages;
    }

    public TiffSource Source { get; }

    public bool BigTiff { get; }

    public IReadOnlyList<TiffPage> Pages { get; }

    /// <summary>Reads the header and up to <paramref name="maxPages"/> directories (all when null).</summary>
    /// <exception cref="ImageFormatException">Wrong magic, bad offsets, a looping IFD chain, invalid layout fields.</exception>
    public static TiffFile Open(Stream stream, string? path, int? maxPages)
    {
        var source = new TiffSource(stream, path);
        if (source.Length < 8)
        {
            throw source.Fail($"the file has {source.Length} bytes, too few for a TIFF header");
        }

        Span<byte> header = stackalloc byte[16];
        source.ReadAt(0, header[..8], "header");
        if (header[0] == 'I' && header[1] == 'I')
        {
            source.BigEndian = false;
        }
        else if (header[0] == 'M' && header[1] == 'M')
        {
            source.BigEndian = true;
        }
        else
        {
            throw source.Fail("not a TIFF file (the first two bytes are neither 'II' nor 'MM')");
        }

        var magic = source.UInt16(header[2..]);
        bool bigTiff;
        long first;
        if (magic == 42)
        {
            bigTiff = false;
            first = source.UInt32(header[4..]);
        }
        else if (magic == 43)
        {
            bigTiff = true;
            source.ReadAt(0, header, "BigTIFF header");
            if (source.UInt16(header[4..]) != 8 || source.UInt16(header[6..]) != 0)
            {
                throw source.Fail("BigTIFF header has an offset size other than 8");
            }

            first = (long)Math.Min(source.UInt64(header[8..]), long.MaxValue);
        }
        else
        {
            throw source.Fail($"not a TIFF file (version {magic}, expected 42 or 43 for BigTIFF)");
        }

        var pages = new List<TiffPage>();
        var seen = new HashSet<long>();
        var offset = first;
        var limit = Math.Min(maxPages ?? MaxPages, MaxPages);
        while (offset != 0 && pages.Count < limit)
        {
            if (!seen.Add(offset))
            {
                throw source.Fail($"the IFD chain loops back to offset {offset} after {pages.Count} pages");
            }

            var directory = TiffDirectory.Parse(source, offset, bigTiff, pages.Count);
            pages.Add(TiffPage.FromDirectory(directory, source, pages.Count));
            offset = directory.NextOffset;
        }

        if (pages.Count == 0)
        {
            throw source.Fail("the file holds no image (first IFD offset is 0)");
        }

        if (offset != 0 && maxPages is null)
        {
            throw source.Fail($"the file has more than {MaxPages} pages");
        }

        return new TiffFile(source, bigTiff, pages);
    }
}
