using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SemRestore.Imaging.Io;

/// <summary>
/// Conversions between stored integer samples and normalised floats. Reading divides by the maximum
/// code (255 or 65535); writing clamps to [0, 1], scales and rounds half away from zero. NaN writes as 0.
/// </summary>
/// <remarks>
/// Vector256 paths handle whole blocks of 16 (8-bit) or 16 (16-bit) values and the scalar loop the tail; both
/// compute the same float operations, so results do not depend on the hardware.
/// </remarks>
public static class PixelConversion
{
    /// <summary>The largest code of an unsigned sample of <paramref name="bitDepth"/> bits.</summary>
    public static float MaxCode(int bitDepth) => bitDepth switch
    {
        8 => 255f,
        16 => 65535f,
        _ => throw new ArgumentOutOfRangeException(nameof(bitDepth), $"Integer bit depth must be 8 or 16, got {bitDepth}."),
    };

    /// <summary>destination[i] = source[i] / 255.</summary>
    public static void FromUInt8(ReadOnlySpan<byte> source, Span<float> destination)
    {
        CheckLengths(source.Length, destination.Length);
        const float scale = 1f / 255f;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var factor = Vector256.Create(scale);
            ref var src = ref MemoryMarshal.GetReference(source);
            ref var dst = ref MemoryMarshal.GetReference(destination);
            for (; i + 16 <= source.Length; i += 16)
            {
                var bytes = Vector128.LoadUnsafe(ref src, (nuint)i);
                var words = Vector256.Create(Vector128.WidenLower(bytes), Vector128.WidenUpper(bytes));
                var (a, b) = Vector256.Widen(words);
                (Vector256.ConvertToSingle(a.AsInt32()) * factor).StoreUnsafe(ref dst, (nuint)i);
                (Vector256.ConvertToSingle(b.AsInt32()) * factor).StoreUnsafe(ref dst, (nuint)(i + 8));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i] * scale;
        }
    }

    /// <summary>destination[i] = source[i] / 65535.</summary>
    public static void FromUInt16(ReadOnlySpan<ushort> source, Span<float> destination)
    {
        CheckLengths(source.Length, destination.Length);
        const float scale = 1f / 65535f;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var factor = Vector256.Create(scale);
            ref var src = ref MemoryMarshal.GetReference(source);
            ref var dst = ref MemoryMarshal.GetReference(destination);
            for (; i + 16 <= source.Length; i += 16)
            {
                var (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)i));
                (Vector256.ConvertToSingle(a.AsInt32()) * factor).StoreUnsafe(ref dst, (nuint)i);
                (Vector256.ConvertToSingle(b.AsInt32()) * factor).StoreUnsafe(ref dst, (nuint)(i + 8));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i] * scale;
        }
    }

    /// <summary>destination[i] = <see cref="Quantize"/>(source[i], 255).</summary>
    public static void ToUInt8(ReadOnlySpan<float> source, Span<byte> destination)
    {
        CheckLengths(source.Length, destination.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(source);
            ref var dst = ref MemoryMarshal.GetReference(destination);
            for (; i + 32 <= source.Length; i += 32)
            {
                var a = QuantizeVector(Vector256.LoadUnsafe(ref src, (nuint)i), 255f);
                var b = QuantizeVector(Vector256.LoadUnsafe(ref src, (nuint)(i + 8)), 255f);
                var c = QuantizeVector(Vector256.LoadUnsafe(ref src, (nuint)(i + 16)), 255f);
                var d = QuantizeVector(Vector256.LoadUnsafe(ref src, (nuint)(i + 24)), 255f);
                var low = Vector256.Narrow(a, b);
                var high = Vector256.Narrow(c, d);
                Vector256.Narrow(low, high).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (byte)Quantize(source[i], 255f);
        }
    }

    /// <summary>destination[i] = <see cref="Quantize"/>(source[i], 65535).</summary>
    public static void ToUInt16(ReadOnlySpan<float> source, Span<ushort> destination)
    {
        CheckLengths(source.Length, destination.Length);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(source);
            ref var dst = ref MemoryMarshal.GetReference(destination);
            for (; i + 16 <= source.Length; i += 16)
            {
                var a = QuantizeVector(Vector256.LoadUnsafe(ref src, (nuint)i), 65535f);
                var b = QuantizeVector(Vector256.LoadUnsafe(ref src, (nuint)(i + 8)), 65535f);
                Vector256.Narrow(a, b).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (ushort)Quantize(source[i], 65535f);
        }
    }

    /// <summary>Quantises to 16-bit codes stored big-endian (PNG, PGM): two bytes per value in <paramref name="destination"/>.</summary>
    public static void ToUInt16BigEndian(ReadOnlySpan<float> source, Span<byte> destination)
    {
        CheckLengths(source.Length * 2, destination.Length);
        var words = MemoryMarshal.Cast<byte, ushort>(destination[..(source.Length * 2)]);
        ToUInt16(source, words);
        if (BitConverter.IsLittleEndian)
        {
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words, words);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> QuantizeVector(Vector256<float> value, float maxCode)
    {
        // GreaterThan is false for NaN, so NaN and negatives become 0 as in the scalar path.
        var positive = Vector256.ConditionalSelect(Vector256.GreaterThan(value, Vector256<float>.Zero), value, Vector256<float>.Zero);
        var clamped = Vector256.Min(positive, Vector256<float>.One);
        var scaled = (clamped * Vector256.Create(maxCode)) + Vector256.Create(0.5f);
        return Vector256.ConvertToInt32(scaled).AsUInt32();
    }

    private static void CheckLengths(int source, int destination)
    {
        if (destination < source)
        {
            throw new ArgumentException($"Destination holds {destination} values but the source has {source}.");
        }
    }
}
