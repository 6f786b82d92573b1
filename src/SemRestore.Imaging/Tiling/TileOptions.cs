using SemRestore.Imaging.Geometry;

namespace SemRestore.Imaging.Tiling;

/// <summary>Options for <see cref="TiledProcessor"/>.</summary>
/// <param name="TileSize">Read-window edge in input pixels (tiles at the image edge are never smaller, unless the image is); 1..65536, a multiple of <paramref name="SizeMultiple"/>.</param>
/// <param name="Overlap">Halo in input pixels: neighbouring read windows overlap by 2 * Overlap; 0 <= 2 * Overlap < TileSize.</param>
/// <param name="Blending">How overlapping outputs are combined.</param>
/// <param name="SizeMultiple">Tile inputs are padded up to a multiple of this (U-Nets need 2^depth); 1..1024.</param>
/// <param name="OutputScale">The per-tile function returns tiles this many times larger (super-resolution); 1..16.</param>
/// <param name="PadMode">How tile inputs are padded up to <paramref name="SizeMultiple"/> when the image is smaller than a tile.</param>
public sealed record TileOptions(
    int TileSize = 512,
    int Overlap = 48,
    TileBlending Blending = TileBlending.SmoothWindow,
    int SizeMultiple = 1,
    int OutputScale = 1,
    PadMode PadMode = PadMode.Reflect)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad field and its allowed range.</summary>
    public void Validate()
    {
        if (SizeMultiple is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(SizeMultiple), $"SizeMultiple must be in 1..1024, got {SizeMultiple}.");
        }

        if (TileSize is < 1 or > 65536 || TileSize % SizeMultiple != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(TileSize),
                $"TileSize must be in 1..65536 and a multiple of SizeMultiple {SizeMultiple}, got {TileSize}.");
        }

        if (Overlap < 0 || 2L * Overlap >= TileSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Overlap),
                $"Overlap must satisfy 0 <= 2 * Overlap < TileSize ({TileSize}), got {Overlap}; lower the overlap or raise the tile size.");
        }

        if (OutputScale is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(OutputScale), $"OutputScale must be in 1..16, got {OutputScale}.");
        }

        if (!Enum.IsDefined(Blending))
        {
            throw new ArgumentOutOfRangeException(nameof(Blending), $"Unknown blending {Blending}.");
        }
    }
}
