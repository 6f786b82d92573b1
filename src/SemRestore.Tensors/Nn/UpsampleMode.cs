namespace SemRestore.Tensors.Nn;

/// <summary>Interpolation of <see cref="Upsample"/>.</summary>
public enum UpsampleMode
{
    /// <summary>Nearest neighbour (each pixel repeated scale x scale times).</summary>
    Nearest,

    /// <summary>Bilinear with align_corners false.</summary>
    Bilinear,
}
