using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace SemRestore.Metrics.Internal;

/// <summary>Small vectorised span helpers the metric kernels share.</summary>
internal static class SpanMath
{
    /// <summary>destination[i] = (double)source[i]. Vector256 lanes: 8 floats widen to two vectors of 4 doubles; scalar tail.</summary>
    public static void Widen(ReadOnlySpan<float> source, Span<double> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(source[i..]));
                lower.CopyTo(destination[i..]);
                upper.CopyTo(destination[(i + Vector256<double>.Count)..]);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>destination += weight * source (fused where the hardware has FMA).</summary>
    public static void AddScaled(ReadOnlySpan<double> source, double weight, Span<double> destination) =>
        TensorPrimitives.MultiplyAdd(source, weight, destination, destination);
}
