using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SemRestore.Tensors.Kernels;

namespace SemRestore.Tensors.Tests.Kernels;

/// <summary>Seeded random data, the CPU backends to test and the float tolerance used against the reference.</summary>
internal static class KernelTestData
{
    /// <summary>
    /// Allowed |fast - reference| per element: <c>RelativeTolerance * sqrt(K + 2) * bound</c>, where bound is the
    /// same computation on absolute values (the size of the products summed) and K the terms per element.
    /// 1e-6 is about 8 float32 epsilons: float rounding of a blocked sum grows like sqrt(K) on random data.
    /// </summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>Every instruction-set level this CPU supports, scalar (intrinsics off) first.</summary>
    public static TheoryData<int> Levels()
    {
        var data = new TheoryData<int> { (int)SimdLevel.Scalar };
        if (Fma.IsSupported && Avx2.IsSupported)
        {
            data.Add((int)SimdLevel.Vector256);
        }

        if (Avx512F.IsSupported && Vector512.IsHardwareAccelerated)
        {
            data.Add((int)SimdLevel.Vector512);
        }

        return data;
    }

    public static CpuKernels Backend(int level, int threads = 2) => new(threads, (SimdLevel)level);

    public static float[] Random(int length, int seed, float scale = 1f)
    {
        var rng = new Random(seed);
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        }

        return values;
    }

    public static float[] Abs(float[] values) => values.Select(Math.Abs).ToArray();

    public static void AssertClose(float[] expected, float[] actual, float[] bound, int terms, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = RelativeTolerance * Math.Sqrt(terms + 2);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = scale * bound[i] + 1e-30;
            var error = Math.Abs((double)expected[i] - actual[i]);
            if (!(error <= tolerance))
            {
                Assert.Fail($"{what}: element {i} is {actual[i]}, reference {expected[i]}, error {error:g3} > tolerance {tolerance:g3}.");
            }
        }
    }
}
