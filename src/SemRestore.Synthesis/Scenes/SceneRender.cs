using SemRestore.Imaging;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// A rendered clean scene. <see cref="Canvas"/> is larger than the image by <see cref="Margin"/> pixels on every
/// side and continues the pattern there, so shifted acquisitions (whole-image offsets, drift) show real content at
/// their borders instead of padding. <c>clean(x, y) = Canvas(x + Margin, y + Margin)</c>.
/// </summary>
public sealed class SceneRender
{
    public SceneRender(string kind, GrayImage canvas, int margin, IReadOnlyList<SceneCircle>? circles, GrayImage? defectMask)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (margin < 0 || canvas.Width <= 2 * margin || canvas.Height <= 2 * margin)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), $"Margin {margin} leaves no image inside a {canvas.Width}x{canvas.Height} canvas.");
        }

        Kind = kind;
        Canvas = canvas;
        Margin = margin;
        Circles = circles;
        DefectMask = defectMask;
    }

    /// <summary>The scene kind that rendered it, for example <c>holes</c>.</summary>
    public string Kind { get; }

    /// <summary>Clean intensities in [0, 1] over the image plus the margin.</summary>
    public GrayImage Canvas { get; }

    public int Margin { get; }

    /// <summary>Width of the image (canvas width minus both margins).</summary>
    public int Width => Canvas.Width - 2 * Margin;

    public int Height => Canvas.Height - 2 * Margin;

    /// <summary>Round features whose centre lies inside the image, in image pixels; null for kinds without them (lines).</summary>
    public IReadOnlyList<SceneCircle>? Circles { get; }

    /// <summary>Defect ground truth in image pixels (1 = defect), or null when no defects were drawn.</summary>
    public GrayImage? DefectMask { get; }

    /// <summary>The clean image: the canvas without its margin (a copy, 32-bit).</summary>
    public GrayImage Clean()
    {
        var clean = new GrayImage(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            Canvas.Pixels.AsSpan((y + Margin) * Canvas.Width + Margin, Width).CopyTo(clean.Row(y));
        }

        return clean;
    }
}
