using System.Runtime.CompilerServices;

namespace SemRestore.Imaging.Io;

/// <summary>
/// Conversions between stored integer samples and normalised floats. Reading divides by the maximum
/// code (255 or 65535); writing clamps to [0, 1], scales and rounds half away from zero. NaN writes as 0.
/// </summary>
public static class PixelConversion
{
    /// <summary>The largest code of an unsigned sample of <paramref name="bitDepth"/> bits.</summary>
    public static float MaxCode(int bitDepth) => bitDepth switch
    {
        8 => 255f,
        16 => 65535f,
        _ => throw new ArgumentOutOfRangeException(nameof(bitDepth), $"Integer bit depth must be 8 or 16, got {bitDepth}."),
    };

    public static void FromUInt8(ReadOnlySpan<byte> source, Span<float> destination)
    {
        CheckLengths(source.Length, destination.Length);
        const float scale = 1f / 255f;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] * scale;
        }
    }

    public static void FromUInt16(ReadOnlySpan<ushort> source, Span<float> destination)
    {
        CheckLengths(source.Length, destination.Length);
        const float scale = 1f / 65535f;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] * scale;
        }
    }

    public static void ToUInt8(ReadOnlySpan<float> source, Span<byte> destination)
    {
        CheckLengths(source.Length, destination.Length);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (byte)Quantize(source[i], 255f);
        }
    }

    public static void ToUInt16(ReadOnlySpan<float> source, Span<ushort> destination)
    {
        CheckLengths(source.Length, destination.Length);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (ushort)Quantize(source[i], 65535f);
        }
    }

    /// <summary>Clamps <paramref name="value"/> to [0, 1] and returns round(value * maxCode); NaN gives 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Quantize(float value, float maxCode)
    {
        // The negated comparison sends NaN to 0 as well.
        if (!(value > 0f))
        {
            return 0;
        }

        if (value >= 1f)
        {
            return (int)maxCode;
        }

        return (int)((value * maxCode) + 0.5f);
    }

    private static void CheckLengths(int source, int destination)
    {
        if (destination < source)
        {
            throw new ArgumentException($"Destination holds {destination} values but the source has {source}.");
        }
    }
}
