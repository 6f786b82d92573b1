namespace SemRestore.Imaging.Geometry;

/// <summary>Interpolation kernels for <see cref="Resampler"/>, named as in PIL.</summary>
public enum ResampleMethod
{
    /// <summary>Nearest neighbour: source pixel floor((x + 0.5) * in / out), as PIL.Image.NEAREST.</summary>
    Nearest,

    /// <summary>Triangle kernel, support 1 (PIL.Image.BILINEAR).</summary>
    Bilinear,

    /// <summary>Keys cubic convolution with a = -0.5, support 2 (PIL.Image.BICUBIC).</summary>
    Bicubic,

    /// <summary>sinc(x) * sinc(x / 3), support 3 (PIL.Image.LANCZOS).</summary>
    Lanczos3,
}
