namespace SemRestore.Classical;

/// <summary>How filters read pixels outside the image.</summary>
public enum BorderMode
{
    /// <summary>Mirror without repeating the edge pixel: <c>d c b | a b c d | c b a</c>. The same rule as
    /// OpenCV's BORDER_REFLECT_101 (its default), numpy/PyTorch 'reflect' and scipy 'mirror'.</summary>
    Reflect,

    /// <summary>Repeat the edge pixel: <c>a a a | a b c d | d d d</c> (OpenCV BORDER_REPLICATE, what cv2.medianBlur uses).</summary>
    Replicate,
}
