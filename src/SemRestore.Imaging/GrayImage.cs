using System.Runtime.CompilerServices;

namespace SemRestore.Imaging;

/// <summary>
/// A single-channel float32 image in row-major order. Pixel values are normalised to [0, 1] on read
/// (8-bit divides by 255, 16-bit by 65535, float is kept as is) and written back at a chosen depth.
/// </summary>
/// <remarks>
/// Rows are contiguous: pixel (x, y) lives at <c>Pixels[y * Width + x]</c>. Kernels should take
/// <see cref="Row"/> spans or the whole <see cref="Pixels"/> array and never index per pixel through
/// a virtual call.
/// </remarks>
public sealed class GrayImage
{
    /// <summary>Default limit on width * height accepted by readers and constructors (2 gigapixels).</summary>
    public const long DefaultMaxPixels = 2L * 1024 * 1024 * 1024;

    /// <summary>Creates a zero-filled image.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Width or height is not positive or the area exceeds array limits.</exception>
    public GrayImage(int width, int height, int bitDepth = 32)
    {
        ValidateSize(width, height);
        ValidateBitDepth(bitDepth);
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        Pixels = new float[(long)width * height];
    }

    /// <summary>Wraps an existing pixel buffer of exactly width * height values (not copied).</summary>
    public GrayImage(int width, int height, float[] pixels, int bitDepth = 32)
    {
        ValidateSize(width, height);
        ValidateBitDepth(bitDepth);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height)
        {
            throw new ArgumentException(
                $"Pixel buffer has {pixels.LongLength} values but a {width}x{height} image needs {(long)width * height}.",
                nameof(pixels));
        }

        Width = width;
        Height = height;
        BitDepth = bitDepth;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bit depth of the source (8, 16 or 32 for float); used as the default depth on write.</summary>
    public int BitDepth { get; set; }

    /// <summary>Row-major pixel buffer of length Width * Height.</summary>
    public float[] Pixels { get; }

    /// <summary>Free-text metadata: TIFF ImageDescription, SEM vendor tags, reader warnings.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public long PixelCount => (long)Width * Height;

    public float this[int x, int y]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Pixels[y * Width + x];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Pixels[y * Width + x] = value;
    }

    /// <summary>The pixels of row <paramref name="y"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<float> Row(int y) => Pixels.AsSpan(y * Width, Width);

    /// <summary>A deep copy, metadata included.</summary>
    public GrayImage Clone()
    {
        var copy = new GrayImage(Width, Height, (float[])Pixels.Clone(), BitDepth);
        copy.CopyMetadataFrom(this);
        return copy;
    }

    /// <summary>A new zero image of the same size and bit depth, with the same metadata.</summary>
    public GrayImage CreateLike()
    {
        var copy = new GrayImage(Width, Height, BitDepth);
        copy.CopyMetadataFrom(this);
        return copy;
    }

    public void CopyMetadataFrom(GrayImage other)
    {
        foreach (var pair in other.Metadata)
        {
            Metadata[pair.Key] = pair.Value;
        }
    }

    /// <summary>Throws when <paramref name="other"/> has a different size; names both sizes.</summary>
    public void EnsureSameSize(GrayImage other, string what = "images")
    {
        if (other.Width != Width || other.Height != Height)
        {
            throw new ArgumentException($"The {what} differ in size: {Width}x{Height} and {other.Width}x{other.Height}.");
        }
    }

    public override string ToString() => $"GrayImage {Width}x{Height}, {BitDepth}-bit source";

    private static void ValidateSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size must be positive, got {width}x{height}.");
        }

        if ((long)width * height > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image {width}x{height} exceeds the largest array .NET can allocate.");
        }
    }

    private static void ValidateBitDepth(int bitDepth)
    {
        if (bitDepth is not (8 or 16 or 32))
        {
            throw new ArgumentOutOfRangeException(nameof(bitDepth), $"Bit depth must be 8, 16 or 32, got {bitDepth}.");
        }
    }
}
