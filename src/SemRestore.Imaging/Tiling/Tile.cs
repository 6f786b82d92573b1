namespace SemRestore.Imaging.Tiling;

/// <summary>
/// One tile of a <see cref="TileGrid"/>, in image pixel coordinates. The read window is what the per-tile
/// operation sees; the write window (always inside the read window) is the part this tile owns when tiles are
/// stitched by cropping interiors. Write windows of a grid partition the image exactly.
/// </summary>
/// <param name="Index">Row-major index in the grid (Row * Columns + Column).</param>
/// <param name="Column">Tile column, 0-based.</param>
/// <param name="Row">Tile row, 0-based.</param>
/// <param name="ReadX">Left edge of the read window.</param>
/// <param name="ReadY">Top edge of the read window.</param>
/// <param name="ReadWidth">Read window width.</param>
/// <param name="ReadHeight">Read window height.</param>
/// <param name="WriteX">Left edge of the write (interior) window.</param>
/// <param name="WriteY">Top edge of the write window.</param>
/// <param name="WriteWidth">Write window width.</param>
/// <param name="WriteHeight">Write window height.</param>
public readonly record struct Tile(
    int Index,
    int Column,
    int Row,
    int ReadX,
    int ReadY,
    int ReadWidth,
    int ReadHeight,
    int WriteX,
    int WriteY,
    int WriteWidth,
    int WriteHeight)
{
    /// <summary>Offset of the write window inside the read window (x).</summary>
    public int InteriorOffsetX => WriteX - ReadX;

    /// <summary>Offset of the write window inside the read window (y).</summary>
    public int InteriorOffsetY => WriteY - ReadY;
}
