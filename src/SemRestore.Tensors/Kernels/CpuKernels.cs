using SemRestore.Tensors.Kernels.Cpu;

namespace SemRestore.Tensors.Kernels;

/// <summary>
/// Fast CPU backend: packed, cache-blocked SGEMM with AVX-512 or AVX2 FMA micro-kernels (scalar fallback),
/// convolutions as implicit-im2col GEMMs that skip masked taps, a direct depthwise path, all
/// multithreaded with <see cref="Parallel"/>. Results are bit-identical for any thread count.
/// </summary>
/// <remarks>
/// Each output element is computed by one thread with a fixed order of operations. Results differ from
/// <see cref="ReferenceKernels"/> (double accumulation) by float rounding, about 1e-6 * sqrt(K) relative
/// to the magnitude of the products.
/// </remarks>
public sealed partial class CpuKernels : IComputeKernels
{
    private readonly GemmPlan _plan;

    /// <summary>Creates kernels using the best instruction set of this CPU.</summary>
    /// <param name="maxDegreeOfParallelism">Threads per call; -1 (default) uses every core.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the value is 0 or below -1.</exception>
    public CpuKernels(int maxDegreeOfParallelism = -1)
        : this(maxDegreeOfParallelism, GemmPlan.DetectLevel())
    {
    }

    internal CpuKernels(int maxDegreeOfParallelism, SimdLevel level)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 (all cores) or a positive thread count.");
        }

        if (level > GemmPlan.DetectLevel())
        {
            throw new PlatformNotSupportedException($"This CPU does not support {level}.");
        }

        Level = level;
        _plan = GemmPlan.For(level, maxDegreeOfParallelism);
    }

    /// <summary>Shared instance with every core and the best instruction set.</summary>
    public static CpuKernels Instance { get; } = new();

    /// <summary>Threads one call may use.</summary>
    public int MaxDegreeOfParallelism => _plan.MaxDegreeOfParallelism;

    internal SimdLevel Level { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">When a size is negative.</exception>
    /// <exception cref="ArgumentException">When a span is shorter than its matrix.</exception>
    public unsafe void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        RequireLength(a.Length, (long)m * k, nameof(a), transposeA ? $"sgemm: the {k} x {m} matrix" : $"sgemm: the {m} x {k} matrix");
        RequireLength(b.Length, (long)k * n, nameof(b), transposeB ? $"sgemm: the {n} x {k} matrix" : $"sgemm: the {k} x {n} matrix");
        RequireLength(c.Length, (long)m * n, nameof(c), $"sgemm: the {m} x {n} matrix");
        fixed (float* pa = a, pb = b, pc = c)
        {
            var packA = new DenseRowsPacker(pa, transposeA ? m : k, transposeA, 0, 0);
            var packB = new DenseColumnsPacker(pb, transposeB ? k : n, transposeB, 0, 0);
            GemmDriver.Run(_plan, 1, m, n, k, 1, alpha, packA, packB, beta, pc, n, 0);
        }
    }

    private static void RequireLength(int actual, long required, string name, string what)
    {
        if (actual < required)
        {
            throw new ArgumentException($"{what} needs {required} elements but {name} has {actual}.", name);
        }
    }
}
