using System.Buffers.Binary;

namespace SemRestore.Imaging.Io.Tiff;

/// <summary>
/// Random-access, bounds-checked reads from a TIFF file with its byte order. Positional reads are serialised
/// by a lock, so chunk decoders on several threads can share one source.
/// </summary>
internal sealed class TiffSource
{
    private readonly Stream _stream;
    private readonly object _gate = new();

    public TiffSource(Stream stream, string? path)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        _stream = stream;
        Path = path;
        Length = stream.Length;
    }

    public string? Path { get; }

    public long Length { get; }

    public bool BigEndian { get; set; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; the whole range must lie inside the file.</summary>
    public void ReadAt(long offset, Span<byte> destination, string what)
    {
        if (offset < 0 || offset > Length || destination.Length > Length - offset)
        {
            throw Fail($"{what} at offset {offset} ({destination.Length} bytes) lies outside the file of {Length} bytes (truncated?)");
        }

        lock (_gate)
        {
            _stream.Position = offset;
            _stream.ReadExactly(destination);
        }
    }

    public ushort UInt16(ReadOnlySpan<byte> bytes) => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    public uint UInt32(ReadOnlySpan<byte> bytes) => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    public ulong UInt64(ReadOnlySpan<byte> bytes) => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);

    public ImageFormatException Fail(string problem, Exception? inner = null) => new(Path, problem, inner);
}
