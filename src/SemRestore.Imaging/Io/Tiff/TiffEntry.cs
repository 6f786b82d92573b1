namespace SemRestore.Imaging.Io.Tiff;

/// <summary>One IFD entry: tag, field type, value count and the file offset where its values start.</summary>
internal readonly record struct TiffEntry(ushort Tag, ushort Type, long Count, long ValueOffset)
{
    /// <summary>Bytes per value of a TIFF field type (0 for unknown types, whose values are skipped).</summary>
    public static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4,
        5 or 10 or 12 or 16 or 17 or 18 => 8,
        _ => 0,
    };
}
