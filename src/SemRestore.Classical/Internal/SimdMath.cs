using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SemRestore.Classical.Internal;

/// <summary>Unchecked vector loads and stores on spans; callers guarantee index + 8 (or 16) &lt;= length.</summary>
internal static class SimdMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ReadOnlySpan<float> span, int index) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Span<float> span, int index, Vector256<float> value) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);

    /// <summary>16-lane load; callers guarantee index + 16 &lt;= length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load512(ReadOnlySpan<float> span, int index) =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);

    /// <summary>
    /// e^x per lane, within 2 ulp for x in [-87.3, 88.3] (clamped outside, so tiny weights never become denormals):
    /// Cephes' expf, n = round(x log2 e), r = x - n ln 2 in two parts, degree-5 polynomial, times 2^n from the exponent
    /// bits. Inlined on purpose: Vector256.Exp is a call the JIT only inlines with tiered PGO, and a call in the
    /// bilateral and NLM tap loops cost them half their speed (the projects compile loops fully optimised at once).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87.3f)), Vector256.Create(88.3f));
        var n = Vector256.Round(x * Vector256.Create(1.44269504088896341f));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        var p = Vector256.Create(1.9875691500e-4f);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        var y = Vector256.FusedMultiplyAdd(p, r * r, r) + Vector256<float>.One;
        var scale = (Vector256.ConvertToInt32(n) + Vector256.Create(127)) << 23;
        return y * scale.AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store512(Span<float> span, int index, Vector512<float> value) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);
}
