namespace SemRestore.Imaging.Io;

/// <summary>Checks every codec makes the same way, with the same messages.</summary>
internal static class IoGuards
{
    /// <summary>Throws before any pixel buffer is allocated when width * height exceeds the limit (or what one array can hold).</summary>
    public static void CheckPixelCount(string? path, long width, long height, ImageReadOptions options, string? where = null)
    {
        var pixels = width * height;
        var limit = Math.Min(options.MaxPixels, Array.MaxLength);
        if (pixels > limit)
        {
            var prefix = where is null ? string.Empty : where + ": ";
            throw new ImageFormatException(path, $"{prefix}{width}x{height} = {pixels} pixels exceeds the limit of {limit} pixels");
        }
    }

    /// <summary>The integer depth for formats that hold 8 or 16 bits: the explicit option, else 8 for 8-bit images and 16 otherwise.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An explicit depth other than 8 or 16.</exception>
    public static int IntegerDepth(ImageWriteOptions options, GrayImage image, string format)
    {
        var depth = options.BitDepth ?? (image.BitDepth == 8 ? 8 : 16);
        if (depth is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{format} stores 8 or 16-bit gray, got depth {depth}; use .tif or .pfm for 32-bit float.");
        }

        return depth;
    }
}
