using SemRestore.Tensors.Kernels;

namespace SemRestore.Tensors.Tests.Kernels;

[Trait("Category", "Kernel")]
public sealed class CpuSgemmTests
{
    public static TheoryData<int> Levels => KernelTestData.Levels();

    [Theory]
    [MemberData(nameof(Levels))]
    public void Sgemm_OnOddShapesAndEveryTranspose_MatchesReference(int level)
    {
        var kernels = KernelTestData.Backend(level);
        int[][] shapes =
        [
            [1, 1, 1], [2, 3, 1], [3, 5, 7], [13, 1, 9], [1, 17, 4], [12, 32, 8], [13, 33, 31],
            [25, 47, 257], [7, 65, 300], [50, 40, 513], [100, 3, 70], [0, 5, 3], [4, 0, 3],
        ];
        var seed = 0;
        foreach (var s in shapes)
        {
            foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                CheckAgainstReference(kernels, ta, tb, s[0], s[1], s[2], 1f, 0f, seed++);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Sgemm_ForEverySmallLength_CoversEveryPanelTail(int level)
    {
        // M 0..17 covers the 12-, 8- and 4-row AVX-512 panels, 6-row AVX2 and 4-row scalar panels with
        // every remainder; N 0..33 every column tail of 32-, 16- and 8-wide panels.
        var kernels = KernelTestData.Backend(level);
        var seed = 500;
        for (var m = 0; m <= 17; m++)
        {
            for (var n = 0; n <= 33; n += m % 2 == 0 ? 1 : 3)
            {
                CheckAgainstReference(kernels, m % 3 == 0, n % 2 == 1, m, n, 1 + (m + n) % 5, 1f, 0.5f, seed++);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Sgemm_WithAlphaAndBeta_MatchesReference(int level)
    {
        var kernels = KernelTestData.Backend(level);
        var seed = 100;
        foreach (var (alpha, beta) in new[] { (0.5f, 2f), (-1.25f, 1f), (1f, -0.5f), (3f, 0f) })
        {
            CheckAgainstReference(kernels, false, true, 19, 37, 45, alpha, beta, seed++);
            CheckAgainstReference(kernels, true, false, 30, 21, 260, alpha, beta, seed++);
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Sgemm_WhenKIsZeroOrAlphaIsZero_ScalesCWithoutReadingAB(int level)
    {
        var kernels = KernelTestData.Backend(level);
        var c = new float[] { 1, 2, 3, 4, 5, 6 };
        kernels.Sgemm(false, false, 2, 3, 0, 1f, ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, 2f, c);
        Assert.Equal(new float[] { 2, 4, 6, 8, 10, 12 }, c);

        var nanA = Enumerable.Repeat(float.NaN, 8).ToArray();
        var nanB = Enumerable.Repeat(float.NaN, 12).ToArray();
        kernels.Sgemm(false, false, 2, 3, 4, 0f, nanA, nanB, 0.5f, c);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, c);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Sgemm_WhenBetaIsZero_IgnoresNaNInC(int level)
    {
        var kernels = KernelTestData.Backend(level);
        var a = KernelTestData.Random(5 * 6, 1);
        var b = KernelTestData.Random(6 * 7, 2);
        var c = Enumerable.Repeat(float.NaN, 35).ToArray();
        kernels.Sgemm(false, false, 5, 7, 6, 1f, a, b, 0f, c);
        Assert.All(c, v => Assert.True(float.IsFinite(v)));
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Sgemm_WithOneTwoOrThreeThreads_IsBitIdentical(int level)
    {
        const int m = 150, n = 300, k = 530; // big enough to run in parallel, with K and edge tails
        var a = KernelTestData.Random(m * k, 3);
        var b = KernelTestData.Random(k * n, 4);
        float[]? first = null;
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var c = KernelTestData.Random(m * n, 5);
            KernelTestData.Backend(level, threads).Sgemm(false, true, m, n, k, 0.75f, a, b, 0.5f, c);
            first ??= c;
            Assert.Equal(first, c);
        }
    }

    [Fact]
    public void Sgemm_SimdLevels_AgreeWithScalarWithinTolerance()
    {
        const int m = 37, n = 70, k = 300;
        var a = KernelTestData.Random(m * k, 6);
        var b = KernelTestData.Random(k * n, 7);
        var scalar = new float[m * n];
        KernelTestData.Backend(0).Sgemm(false, false, m, n, k, 1f, a, b, 0f, scalar);
        var bound = new float[m * n];
        ReferenceKernels.Instance.Sgemm(false, false, m, n, k, 1f, KernelTestData.Abs(a), KernelTestData.Abs(b), 0f, bound);
        foreach (var level in KernelTestData.Levels())
        {
            var c = new float[m * n];
            KernelTestData.Backend(level).Sgemm(false, false, m, n, k, 1f, a, b, 0f, c);
            KernelTestData.AssertClose(scalar, c, bound.Select(v => 2 * v).ToArray(), k, $"level {level} vs scalar");
        }
    }

    [Fact]
    public void Sgemm_WhenASpanIsTooShort_ThrowsNamingIt()
    {
        var kernels = new CpuKernels();
        var error = Assert.Throws<ArgumentException>(() => kernels.Sgemm(false, false, 3, 4, 5, 1f, new float[14], new float[20], 0f, new float[12]));
        Assert.Equal("a", error.ParamName);
        Assert.Contains("3 x 5", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => kernels.Sgemm(false, false, -1, 4, 5, 1f, new float[15], new float[20], 0f, new float[12]));
    }

    [Fact]
    public void Constructor_WhenThreadCountIsZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpuKernels(0));
    }

    [Fact]
    public void ComputeKernels_DefaultBackend_IsCpuKernels()
    {
        Assert.IsType<CpuKernels>(ComputeKernels.Default);
    }

    private static void CheckAgainstReference(CpuKernels kernels, bool ta, bool tb, int m, int n, int k, float alpha, float beta, int seed)
    {
        var a = KernelTestData.Random(m * k, seed * 3 + 1);
        var b = KernelTestData.Random(k * n, seed * 3 + 2);
        var c0 = KernelTestData.Random(m * n, seed * 3 + 3);
        var expected = (float[])c0.Clone();
        ReferenceKernels.Instance.Sgemm(ta, tb, m, n, k, alpha, a, b, beta, expected);
        var actual = (float[])c0.Clone();
        kernels.Sgemm(ta, tb, m, n, k, alpha, a, b, beta, actual);
        var bound = KernelTestData.Abs(c0);
        ReferenceKernels.Instance.Sgemm(ta, tb, m, n, k, Math.Abs(alpha), KernelTestData.Abs(a), KernelTestData.Abs(b), Math.Abs(beta), bound);
        KernelTestData.AssertClose(expected, actual, bound, k, $"sgemm {m}x{n}x{k} ta={ta} tb={tb} alpha={alpha} beta={beta}");
    }
}
