using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Register and cache blocking for one SIMD level. The micro-kernel computes an MR x NR tile of C from an
/// A panel packed as [k][MR] and a B panel packed as [k][NR]; KC bounds the shared dimension of one pass
/// (the B panel, KC*NR floats, stays in L1), MC the rows of one packed A block (L2) and NC the columns of
/// one packed B block (L2/L3).
/// </summary>
internal readonly record struct GemmPlan(SimdLevel Level, int MR, int NR, int KC, int MC, int NC, int MaxDegreeOfParallelism)
{
    public static SimdLevel DetectLevel()
    {
        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated)
        {
            return SimdLevel.Vector512;
        }

        return Fma.IsSupported && Avx2.IsSupported ? SimdLevel.Vector256 : SimdLevel.Scalar;
    }

    public static GemmPlan For(SimdLevel level, int maxDegreeOfParallelism)
    {
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        return level switch
        {
            // 12 x 32: 24 zmm accumulators + 2 B vectors + 1 broadcast of the 32 registers.
            SimdLevel.Vector512 => new GemmPlan(level, 12, 32, 256, 144, 2048, threads),
            // 6 x 16: 12 ymm accumulators + 2 + 1 of the 16 AVX2 registers.
            SimdLevel.Vector256 => new GemmPlan(level, 6, 16, 256, 120, 2048, threads),
            _ => new GemmPlan(level, 4, 8, 256, 64, 1024, threads),
        };
    }
}
