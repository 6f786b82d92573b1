using System.Text;

namespace SemRestore.Imaging.Io.Tiff;

/// <summary>
/// One parsed image file directory (IFD). Entries are indexed by tag; values are read on demand with every
/// count and offset checked against the file, so a corrupt directory ends in an <see cref="ImageFormatException"/>.
/// </summary>
internal sealed class TiffDirectory
{
    /// <summary>More entries than any real writer produces; larger counts mean a corrupt offset.</summary>
    public const int MaxEntries = 4096;

    /// <summary>Largest array a tag may hold (offsets of 16 million strips or tiles).</summary>
    private const long MaxValues = 1 << 24;

    private readonly TiffSource _source;
    private readonly Dictionary<ushort, TiffEntry> _entries;

    private TiffDirectory(TiffSource source, Dictionary<ushort, TiffEntry> entries, long nextOffset)
    {
        _source = source;
        _entries = entries;
        NextOffset = nextOffset;
    }

    /// <summary>Offset of the next IFD in the chain, 0 at the end.</summary>
    public long NextOffset { get; }

    public IEnumerable<ushort> Tags => _entries.Keys;

    /// <summary>Parses the IFD at <paramref name="offset"/> (classic: 12-byte entries, BigTIFF: 20-byte entries).</summary>
    public static TiffDirectory Parse(TiffSource source, long offset, bool bigTiff, int pageIndex)
    {
        var countSize = bigTiff ? 8 : 2;
        var entrySize = bigTiff ? 20 : 12;
        var inlineSize = bigTiff ? 8 : 4;
        Span<byte> countBytes = stackalloc byte[8];
        source.ReadAt(offset, countBytes[..countSize], $"IFD {pageIndex}");
        var count = bigTiff ? (long)Math.Min(source.UInt64(countBytes), long.MaxValue) : source.UInt16(countBytes);
        if (count == 0 || count > MaxEntries)
        {
            throw source.Fail($"IFD {pageIndex} at offset {offset} claims {count} entries (expected 1 to {MaxEntries}); the file is corrupt");
        }

        var bytes = new byte[count * entrySize];
        source.ReadAt(offset + countSize, bytes, $"IFD {pageIndex}");
        var entries = new Dictionary<ushort, TiffEntry>((int)count);
        for (var i = 0; i < count; i++)
        {
            var entry = bytes.AsSpan(i * entrySize, entrySize);
            var tag = source.UInt16(entry);
            var type = source.UInt16(entry[2..]);
            var valueCount = bigTiff ? source.UInt64(entry[4..]) : source.UInt32(entry[4..]);
            var typeSize = TiffEntry.TypeSize(type);
            if (typeSize == 0 || valueCount > MaxValues)
            {
                // Unknown field types and absurd counts: skip the entry, as libtiff does.
                continue;
            }

            var size = (long)valueCount * typeSize;
            var valueField = entry[(entrySize - inlineSize)..];
            var valueOffset = size <= inlineSize
                ? offset + countSize + (i * entrySize) + (entrySize - inlineSize)
                : (long)Math.Min(bigTiff ? source.UInt64(valueField) : source.UInt32(valueField), long.MaxValue);
            entries.TryAdd(tag, new TiffEntry(tag, type, (long)valueCount, valueOffset));
        }

        // The next-IFD pointer follows the entries; a file that ends right after the last entry simply has no next page.
        long next = 0;
        var nextPosition = offset + countSize + bytes.Length;
        if (nextPosition + inlineSize <= source.Length)
        {
            Span<byte> nextBytes = stackalloc byte[8];
            source.ReadAt(nextPosition, nextBytes[..inlineSize], $"IFD {pageIndex}");
            next = bigTiff ? (long)Math.Min(source.UInt64(nextBytes), long.MaxValue) : source.UInt32(nextBytes);
        }

        return new TiffDirectory(source, entries, next);
    }

    public bool Has(ushort tag) => _entries.ContainsKey(tag);

    public bool TryGet(ushort tag, out TiffEntry entry) => _entries.TryGetValue(tag, out entry);

    /// <summary>The first value of an integer tag, or <paramref name="fallback"/> when absent.</summary>
    public long GetInteger(ushort tag, long fallback)
    {
        if (!_entries.TryGetValue(tag, out var entry) || entry.Count == 0)
        {
            return fallback;
        }

        var values = ReadIntegers(entry, 1);
        return values[0];
    }

    /// <summary>All values of an integer tag (BYTE, SHORT, LONG, LONG8, IFD and their signed forms).</summary>
    public long[] GetIntegers(ushort tag) =>
        _entries.TryGetValue(tag, out var entry) ? ReadIntegers(entry, entry.Count) : Array.Empty<long>();

    /// <summary>The value of a text tag: ASCII, BYTE or UNDEFINED bytes up to the first NUL, as UTF-8 when valid, else Latin-1.</summary>
    public string? GetText(ushort tag)
    {
        if (!_entries.TryGetValue(tag, out var entry) || entry.Type is not (1 or 2 or 7))
        {
            return null;
        }

        var bytes = new byte[entry.Count];
        _source.ReadAt(entry.ValueOffset, bytes, $"tag {tag}");
        var span = bytes.AsSpan();
        while (span.Length > 0 && span[^1] == 0)
        {
            span = span[..^1];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(span);
        }
    }

    private long[] ReadIntegers(TiffEntry entry, long count)
    {
        var typeSize = TiffEntry.TypeSize(entry.Type);
        if (entry.Type is 2 or 5 or 7 or 10 or 11 or 12)
        {
            throw _source.Fail($"tag {entry.Tag} has field type {entry.Type}, but an integer type was expected");
        }

        var bytes = new byte[count * typeSize];
        _source.ReadAt(entry.ValueOffset, bytes, $"values of tag {entry.Tag}");
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            var b = bytes.AsSpan(i * typeSize, typeSize);
            values[i] = entry.Type switch
            {
                1 => b[0],
                6 => (sbyte)b[0],
                3 => _source.UInt16(b),
                8 => (short)_source.UInt16(b),
                4 or 13 => _source.UInt32(b),
                9 => (int)_source.UInt32(b),
                _ => (long)Math.Min(_source.UInt64(b), long.MaxValue),
            };
        }

        return values;
    }
}
