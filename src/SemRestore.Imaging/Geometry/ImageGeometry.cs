namespace SemRestore.Imaging.Geometry;

/// <summary>
/// Exact (non-interpolating) geometric operations: crop, pad, flips, quarter-turn rotations and
/// integer translation. Every method returns a new image with the source's bit depth and metadata.
/// </summary>
public static class ImageGeometry
{
    /// <summary>Copies the rectangle [x, x + width) x [y, y + height), which must lie inside the image.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle is empty or leaves the image.</exception>
    public static GrayImage Crop(GrayImage image, int x, int y, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Crop size must be positive, got {width}x{height}.");
        }

        if (x < 0 || y < 0 || (long)x + width > image.Width || (long)y + height > image.Height)
        {
            throw new ArgumentOutOfRangeException(
                nameof(x),
                $"Crop rectangle x={x}, y={y}, {width}x{height} leaves the {image.Width}x{image.Height} image.");
        }

        var result = new GrayImage(width, height, image.BitDepth);
        result.CopyMetadataFrom(image);
        for (var row = 0; row < height; row++)
        {
            image.Pixels.AsSpan((y + row) * image.Width + x, width).CopyTo(result.Row(row));
        }

        return result;
    }

    /// <summary>
    /// Adds <paramref name="left"/>, <paramref name="top"/>, <paramref name="right"/> and <paramref name="bottom"/>
    /// pixels around the image, filled as <paramref name="mode"/> says.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A pad is negative.</exception>
    public static GrayImage Pad(GrayImage image, int left, int top, int right, int bottom, PadMode mode = PadMode.Reflect)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (left < 0 || top < 0 || right < 0 || bottom < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(left), $"Pads must be >= 0, got left={left}, top={top}, right={right}, bottom={bottom}.");
        }

        if ((long)image.Width + left + right > int.MaxValue || (long)image.Height + top + bottom > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(left), $"Padding a {image.Width}x{image.Height} image by ({left}, {top}, {right}, {bottom}) is too large.");
        }

        var width = image.Width + left + right;
        var height = image.Height + top + bottom;
        var result = new GrayImage(width, height, image.BitDepth);
        result.CopyMetadataFrom(image);
        if (mode == PadMode.Zero)
        {
            for (var y = 0; y < image.Height; y++)
            {
                image.Row(y).CopyTo(result.Row(y + top).Slice(left));
            }

            return result;
        }

        // Column map once, then each output row is a gather from one source row.
        var columns = new int[width];
        for (var x = 0; x < width; x++)
        {
            columns[x] = MapIndex(x - left, image.Width, mode);
        }

        for (var y = 0; y < height; y++)
        {
            var source = image.Row(MapIndex(y - top, image.Height, mode));
            var target = result.Row(y);
            for (var x = 0; x < width; x++)
            {
                target[x] = source[columns[x]];
            }
        }

        return result;
    }

    /// <summary>
    /// Maps an index outside [0, length) back inside by reflection (without edge repeat) or replication.
    /// </summary>
    /// <remarks>Reflection has period 2 * (length - 1); a length-1 axis replicates.</remarks>
    public static int MapIndex(int index, int length, PadMode mode)
    {
        if ((uint)index < (uint)length)
        {
            return index;
        }

        if (mode == PadMode.Replicate || length == 1)
        {
            return index < 0 ? 0 : length - 1;
        }

        if (mode == PadMode.Zero)
        {
            throw new ArgumentException("Zero padding has no source index; handle it before calling MapIndex.", nameof(mode));
        }

        var period = 2 * (length - 1);
        var folded = index % period;
        if (folded < 0)
        {
            folded += period;
        }

        return folded < length ? folded : period - folded;
    }

    /// <summary>Mirrors left-right: output(x, y) = input(W - 1 - x, y).</summary>
    public static GrayImage FlipHorizontal(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = image.Clone();
        for (var y = 0; y < image.Height; y++)
        {
            result.Row(y).Reverse();
        }

        return result;
    }

    /// <summary>Mirrors top-bottom: output(x, y) = input(x, H - 1 - y).</summary>
    public static GrayImage FlipVertical(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = image.CreateLike();
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(image.Height - 1 - y).CopyTo(result.Row(y));
        }

        return result;
    }

    /// <summary>
    /// Rotates by <paramref name="quarterTurns"/> * 90 degrees counter-clockwise (as numpy.rot90 and
    /// PIL's rotate(90)); negative values turn clockwise. One quarter turn gives output(x, y) = input(W - 1 - y, x)
    /// with the output W' = H, H' = W.
    /// </summary>
    public static GrayImage Rotate90(GrayImage image, int quarterTurns)
    {
        ArgumentNullException.ThrowIfNull(image);
        var turns = ((quarterTurns % 4) + 4) % 4;
        var w = image.Width;
        var h = image.Height;
        var src = image.Pixels;
        GrayImage result;
        switch (turns)
        {
            case 0:
                return image.Clone();
            case 2:
                result = image.Clone();
                Array.Reverse(result.Pixels);
                return result;
            case 1:
                result = new GrayImage(h, w, image.BitDepth);
                for (var y = 0; y < w; y++)
                {
                    var row = result.Row(y);
                    var sx = w - 1 - y;
                    for (var x = 0; x < h; x++)
                    {
                        row[x] = src[x * w + sx];
                    }
                }

                break;
            default:
                result = new GrayImage(h, w, image.BitDepth);
                for (var y = 0; y < w; y++)
                {
                    var row = result.Row(y);
                    for (var x = 0; x < h; x++)
                    {
                        row[x] = src[(h - 1 - x) * w + y];
                    }
                }

                break;
        }

        result.CopyMetadataFrom(image);
        return result;
    }

    /// <summary>
    /// Integer shift: output(x, y) = input(x - dx, y - dy), so content moves right by <paramref name="dx"/> and
    /// down by <paramref name="dy"/>; pixels shifted in from outside get <paramref name="fill"/>.
    /// </summary>
    public static GrayImage Translate(GrayImage image, int dx, int dy, float fill = 0f)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = image.CreateLike();
        if (fill != 0f)
        {
            Array.Fill(result.Pixels, fill);
        }

        var w = image.Width;
        var x0 = Math.Max(0, dx);
        var x1 = Math.Min(w, w + dx);
        if (x1 <= x0)
        {
            return result;
        }

        for (var y = Math.Max(0, dy); y < Math.Min(image.Height, image.Height + dy); y++)
        {
            image.Pixels.AsSpan((y - dy) * w + (x0 - dx), x1 - x0).CopyTo(result.Row(y).Slice(x0));
        }

        return result;
    }
}
