namespace SemRestore.Imaging.Tiling;

/// <summary>How <see cref="TiledProcessor"/> stitches overlapping tile outputs.</summary>
public enum TileBlending
{
    /// <summary>
    /// Weighted average: each tile's weight is a separable raised-cosine ramp across the overlapping bands (1 in the
    /// interior, never 0), normalised by the summed weights, so the identity is reproduced and per-tile differences
    /// fade smoothly instead of forming seams.
    /// </summary>
    SmoothWindow,

    /// <summary>
    /// CSBDeep style: each tile writes only its interior (the read window minus the halo = overlap on every inner
    /// side). With a halo at least the receptive-field radius, a convolutional model gives exactly the whole-image result.
    /// </summary>
    CropInterior,
}
