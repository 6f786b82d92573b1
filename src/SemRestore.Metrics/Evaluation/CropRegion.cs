using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Geometry;

namespace SemRestore.Metrics.Evaluation;

/// <summary>A rectangle of an image, used to drop a data bar or a frame before evaluation (<c>--crop X,Y,W,H</c>).</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Columns kept.</param>
/// <param name="Height">Rows kept.</param>
public readonly record struct CropRegion(int X, int Y, int Width, int Height)
{
    /// <summary>Parses "X,Y,W,H" (non-negative integers, positive size).</summary>
    /// <exception cref="ArgumentException">The text is not four integers of that form.</exception>
    public static CropRegion Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || !parts.All(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"Crop must be X,Y,WIDTH,HEIGHT in pixels (for example 1,1,510,440), got '{text}'.", "crop");
        }

        var v = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (v[0] < 0 || v[1] < 0 || v[2] <= 0 || v[3] <= 0)
        {
            throw new ArgumentException($"Crop origin must be >= 0 and its size > 0, got '{text}'.", "crop");
        }

        return new CropRegion(v[0], v[1], v[2], v[3]);
    }

    /// <summary>The pixels of this region of <paramref name="image"/>.</summary>
    /// <exception cref="InvalidInputException">The region does not fit in the image.</exception>
    public GrayImage Apply(GrayImage image, string what)
    {
        if (X + Width > image.Width || Y + Height > image.Height)
        {
            throw new InvalidInputException($"{what}: crop {this} does not fit in the {image.Width}x{image.Height} image.");
        }

        return ImageGeometry.Crop(image, X, Y, Width, Height);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{X},{Y},{Width},{Height}");
}
