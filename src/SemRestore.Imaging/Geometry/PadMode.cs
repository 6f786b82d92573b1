namespace SemRestore.Imaging.Geometry;

/// <summary>How <see cref="ImageGeometry.Pad"/> fills pixels outside the image.</summary>
public enum PadMode
{
    /// <summary>Zeros.</summary>
    Zero,

    /// <summary>
    /// Mirror without repeating the edge pixel (numpy 'reflect', PyTorch 'reflect'): ... 2 1 | 0 1 2 ... |
    /// Pads wider than the image keep reflecting back and forth.
    /// </summary>
    Reflect,

    /// <summary>Repeat the edge pixel (numpy 'edge', PyTorch 'replicate').</summary>
    Replicate,
}
