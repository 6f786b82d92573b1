using System.Collections;

namespace SemRestore.Imaging.Tiling;

/// <summary>
/// Covers a width x height image with equally sized overlapping tiles, CSBDeep style: read windows of
/// <c>tileSize</c> (or the whole axis if it is shorter), consecutive windows overlapping by 2 * overlap, the last
/// window shifted back inside the image rather than shrunk. Each tile's write window is its read window minus
/// <c>overlap</c> on every side that faces another tile (the image border is kept), and write windows partition
/// the image. Tiles enumerate row-major (left to right, then top to bottom).
/// </summary>
public sealed class TileGrid : IReadOnlyList<Tile>
{
    private readonly Tile[] _tiles;

    /// <summary>Builds the grid.</summary>
    /// <param name="width">Image width, positive.</param>
    /// <param name="height">Image height, positive.</param>
    /// <param name="tileSize">Read-window edge, a positive multiple of <paramref name="sizeMultiple"/>.</param>
    /// <param name="overlap">Halo: 0 <= 2 * overlap < tileSize.</param>
    /// <param name="sizeMultiple">Required multiple of the tile size (the processor pads smaller edge tiles).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or the overlap is out of range.</exception>
    public TileGrid(int width, int height, int tileSize, int overlap, int sizeMultiple = 1)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size must be positive, got {width}x{height}.");
        }

        new TileOptions(tileSize, overlap, SizeMultiple: sizeMultiple).Validate();
        Width = width;
        Height = height;
        TileSize = tileSize;
        Overlap = overlap;
        SizeMultiple = sizeMultiple;
        ColumnSegments = Segment(width, tileSize, overlap);
        RowSegments = Segment(height, tileSize, overlap);
        _tiles = new Tile[ColumnSegments.Length * RowSegments.Length];
        for (var r = 0; r < RowSegments.Length; r++)
        {
            for (var c = 0; c < ColumnSegments.Length; c++)
            {
                var cs = ColumnSegments[c];
                var rs = RowSegments[r];
                var index = r * ColumnSegments.Length + c;
                _tiles[index] = new Tile(
                    index, c, r, cs.ReadStart, rs.ReadStart, cs.ReadLength, rs.ReadLength,
                    cs.WriteStart, rs.WriteStart, cs.WriteLength, rs.WriteLength);
            }
        }
    }

    public int Width { get; }

    public int Height { get; }

    public int TileSize { get; }

    public int Overlap { get; }

    public int SizeMultiple { get; }

    /// <summary>Tiles per row.</summary>
    public int Columns => ColumnSegments.Length;

    /// <summary>Tiles per column.</summary>
    public int Rows => RowSegments.Length;

    /// <summary>Number of tiles (Columns * Rows).</summary>
    public int Count => _tiles.Length;

    internal AxisSegment[] ColumnSegments { get; }

    internal AxisSegment[] RowSegments { get; }

    public Tile this[int index] => _tiles[index];

    public IEnumerator<Tile> GetEnumerator() => ((IEnumerable<Tile>)_tiles).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _tiles.GetEnumerator();

    /// <summary>Splits one axis of <paramref name="length"/> pixels into read/write segments.</summary>
    internal static AxisSegment[] Segment(int length, int tileSize, int overlap)
    {
        if (length <= tileSize)
        {
            return [new AxisSegment(0, length, 0, length)];
        }

        var step = tileSize - 2 * overlap;
        var count = 1 + (int)(((long)length - tileSize + step - 1) / step);
        var segments = new AxisSegment[count];
        var writeStart = 0;
        for (var i = 0; i < count; i++)
        {
            // The last window is shifted back inside the image so that every tile has the same size.
            var readStart = i == count - 1 ? length - tileSize : i * step;
            var writeEnd = i == count - 1 ? length : readStart + tileSize - overlap;
            segments[i] = new AxisSegment(readStart, tileSize, writeStart, writeEnd - writeStart);
            writeStart = writeEnd;
        }

        return segments;
    }

    /// <summary>One tile's extent along one axis.</summary>
    internal readonly record struct AxisSegment(int ReadStart, int ReadLength, int WriteStart, int WriteLength);
}
