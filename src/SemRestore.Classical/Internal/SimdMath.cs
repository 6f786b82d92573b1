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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store512(Span<float> span, int index, Vector512<float> value) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);
}
