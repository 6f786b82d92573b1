using SemRestore.Imaging;

namespace SemRestore.Training.Data;

/// <summary>Copies a square crop of an image through a <see cref="PatchTransform"/> in one pass.</summary>
public static class PatchExtractor
{
    /// <summary>
    /// Writes the <paramref name="size"/> x <paramref name="size"/> crop at (<paramref name="left"/>, <paramref name="top"/>)
    /// of <paramref name="source"/>, transformed, into <paramref name="destination"/> (row-major).
    /// </summary>
    /// <exception cref="ArgumentException">The crop leaves the image or the destination is too small.</exception>
    public static void Extract(GrayImage source, int left, int top, int size, PatchTransform transform, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (size <= 0 || left < 0 || top < 0 || left + size > source.Width || top + size > source.Height)
        {
            throw new ArgumentException(
                $"Crop {size}x{size} at ({left},{top}) does not fit in a {source.Width}x{source.Height} image.", nameof(size));
        }

        if (destination.Length < size * size)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, a {size}x{size} patch needs {size * size}.", nameof(destination));
        }

        var pixels = source.Pixels;
        var width = source.Width;
        if (transform == PatchTransform.Identity)
        {
            for (var v = 0; v < size; v++)
            {
                pixels.AsSpan((top + v) * width + left, size).CopyTo(destination.Slice(v * size, size));
            }

            return;
        }

        for (var v = 0; v < size; v++)
        {
            var row = destination.Slice(v * size, size);
            for (var u = 0; u < size; u++)
            {
                var (x, y) = transform.SourceOf(u, v, size);
                row[u] = pixels[(top + y) * width + left + x];
            }
        }
    }
}
