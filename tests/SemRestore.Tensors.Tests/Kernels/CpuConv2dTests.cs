using SemRestore.Tensors.Kernels;

namespace SemRestore.Tensors.Tests.Kernels;

[Trait("Category", "Kernel")]
public sealed class CpuConv2dTests
{
    /// <summary>FBI-Net's masks (SPECS.md A2), row-major, true = tap kept.</summary>
    private static readonly bool[] s_noCentre3x3 = [true, true, true, true, false, true, true, true, true];

    private static readonly bool[] s_knight5x5 =
    [
        false, true, false, true, false,
        true, false, false, false, true,
        false, false, true, false, false,
        true, false, false, false, true,
        false, true, false, true, false,
    ];

    private static readonly bool[] s_diagonal3x3 = [true, false, true, false, true, false, true, false, true];

    public static TheoryData<int> Levels => KernelTestData.Levels();

    /// <summary>Geometry and mask cases: odd sizes, strides 1-2, padding, dilation 1-3, groups, depthwise, masks, 1x1.</summary>
    private static IEnumerable<(Conv2dGeometry Geometry, bool[]? Mask)> Cases()
    {
        yield return (new Conv2dGeometry(2, 3, 9, 11, 4, 3, 3, PadH: 1, PadW: 1), null);
        yield return (new Conv2dGeometry(1, 4, 10, 7, 6, 3, 3, 2, 2, 1, 1), null);
        yield return (new Conv2dGeometry(2, 2, 13, 12, 3, 5, 5, PadH: 2, PadW: 2), null);
        yield return (new Conv2dGeometry(1, 2, 11, 9, 3, 3, 3, PadH: 2, PadW: 2, DilationH: 2, DilationW: 2), null);
        yield return (new Conv2dGeometry(1, 3, 12, 12, 2, 3, 3, PadH: 3, PadW: 3, DilationH: 3, DilationW: 3), null);
        yield return (new Conv2dGeometry(1, 3, 9, 8, 2, 3, 2, 2, 1, 1, 0, 1, 2), null);
        yield return (new Conv2dGeometry(1, 3, 9, 10, 4, 4, 4, 2, 2, 1, 1), null);
        yield return (new Conv2dGeometry(2, 4, 8, 9, 6, 3, 3, PadH: 1, PadW: 1, Groups: 2), null);
        yield return (new Conv2dGeometry(1, 6, 7, 7, 3, 3, 3, 2, 2, 1, 1, Groups: 3), null);
        yield return (new Conv2dGeometry(2, 6, 9, 10, 6, 3, 3, PadH: 1, PadW: 1, Groups: 6), null);
        yield return (new Conv2dGeometry(1, 5, 10, 9, 5, 3, 3, 2, 2, 1, 1, Groups: 5), null);
        yield return (new Conv2dGeometry(1, 4, 9, 7, 4, 5, 5, PadH: 2, PadW: 2, DilationH: 2, DilationW: 2, Groups: 4), null);
        yield return (new Conv2dGeometry(1, 2, 6, 6, 4, 3, 3, PadH: 1, PadW: 1, Groups: 2), null); // channel multiplier 2
        yield return (new Conv2dGeometry(2, 5, 7, 6, 3, 1, 1), null);
        yield return (new Conv2dGeometry(1, 4, 8, 8, 3, 1, 1, 2, 2), null);
        yield return (new Conv2dGeometry(1, 4, 5, 6, 3, 1, 1, PadH: 1, PadW: 1), null);
        yield return (new Conv2dGeometry(1, 40, 20, 19, 24, 3, 3, PadH: 1, PadW: 1), null); // K = 360 > KC, parallel
        yield return (new Conv2dGeometry(2, 5, 12, 11, 6, 3, 3, PadH: 1, PadW: 1), s_noCentre3x3);
        yield return (new Conv2dGeometry(1, 4, 13, 12, 5, 5, 5, PadH: 2, PadW: 2), s_knight5x5);
        yield return (new Conv2dGeometry(2, 3, 14, 13, 4, 3, 3, PadH: 3, PadW: 3, DilationH: 3, DilationW: 3), s_diagonal3x3);
        yield return (new Conv2dGeometry(1, 4, 10, 9, 4, 3, 3, 2, 2, 1, 1), s_noCentre3x3);
        yield return (new Conv2dGeometry(1, 4, 10, 9, 4, 3, 3, PadH: 1, PadW: 1, Groups: 4), s_noCentre3x3);
        yield return (new Conv2dGeometry(1, 64, 16, 16, 64, 3, 3, PadH: 3, PadW: 3, DilationH: 3, DilationW: 3), s_diagonal3x3);
        yield return (new Conv2dGeometry(1, 2, 5, 5, 3, 3, 3, PadH: 1, PadW: 1), new bool[9]); // every tap masked
        // Wide enough that whole 32-pixel panels fall inside one output row: B rows read in place, edges packed.
        yield return (new Conv2dGeometry(2, 3, 7, 75, 5, 3, 3, PadH: 1, PadW: 1), null);
        yield return (new Conv2dGeometry(1, 4, 9, 70, 4, 3, 3, PadH: 3, PadW: 3, DilationH: 3, DilationW: 3), s_diagonal3x3);
        yield return (new Conv2dGeometry(1, 3, 9, 66, 4, 3, 3, 2, 1, 1, 1), null); // stride 2 along y only
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Forward_OnEveryCase_MatchesReference(int level)
    {
        var kernels = KernelTestData.Backend(level);
        var seed = 0;
        foreach (var (g, mask) in Cases())
        {
            var input = KernelTestData.Random((int)g.InputLength, ++seed);
            var weight = KernelTestData.Random((int)g.WeightLength, ++seed);
            var bias = seed % 2 == 0 ? KernelTestData.Random(g.OutChannels, ++seed) : [];
            var expected = new float[g.OutputLength];
            ReferenceKernels.Instance.Conv2dForward(g, input, weight, bias, mask, expected);
            var actual = KernelTestData.Random((int)g.OutputLength, ++seed); // overwritten
            kernels.Conv2dForward(g, input, weight, bias, mask, actual);
            var bound = new float[g.OutputLength];
            ReferenceKernels.Instance.Conv2dForward(g, KernelTestData.Abs(input), KernelTestData.Abs(weight), KernelTestData.Abs(bias), mask, bound);
            KernelTestData.AssertClose(expected, actual, bound, Terms(g), $"forward {g} mask={mask is not null}");
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void BackwardData_OnEveryCase_AccumulatesLikeReference(int level)
    {
        var kernels = KernelTestData.Backend(level);
        var seed = 1000;
        foreach (var (g, mask) in Cases())
        {
            var gradOutput = KernelTestData.Random((int)g.OutputLength, ++seed);
            var weight = KernelTestData.Random((int)g.WeightLength, ++seed);
            var initial = KernelTestData.Random((int)g.InputLength, ++seed);
            var expected = (float[])initial.Clone();
            ReferenceKernels.Instance.Conv2dBackwardData(g, gradOutput, weight, mask, expected);
            var actual = (float[])initial.Clone();
            kernels.Conv2dBackwardData(g, gradOutput, weight, mask, actual);
            var bound = KernelTestData.Abs(initial);
            ReferenceKernels.Instance.Conv2dBackwardData(g, KernelTestData.Abs(gradOutput), KernelTestData.Abs(weight), mask, bound);
            KernelTestData.AssertClose(expected, actual, bound, Terms(g), $"backward data {g} mask={mask is not null}");
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void BackwardWeight_OnEveryCase_AccumulatesLikeReference(int level)
    {
        var kernels = KernelTestData.Backend(level);
        var seed = 2000;
        foreach (var (g, mask) in Cases())
        {
            var input = KernelTestData.Random((int)g.InputLength, ++seed);
            var gradOutput = KernelTestData.Random((int)g.OutputLength, ++seed);
            var initialWeight = KernelTestData.Random((int)g.WeightLength, ++seed);
            var initialBias = KernelTestData.Random(g.OutChannels, ++seed);
            var expectedW = (float[])initialWeight.Clone();
            var expectedB = (float[])initialBias.Clone();
            ReferenceKernels.Instance.Conv2dBackwardWeight(g, input, gradOutput, mask, expectedW, expectedB);
            var actualW = (float[])initialWeight.Clone();
            var actualB = (float[])initialBias.Clone();
            kernels.Conv2dBackwardWeight(g, input, gradOutput, mask, actualW, actualB);
            var boundW = KernelTestData.Abs(initialWeight);
            var boundB = KernelTestData.Abs(initialBias);
            ReferenceKernels.Instance.Conv2dBackwardWeight(g, KernelTestData.Abs(input), KernelTestData.Abs(gradOutput), mask, boundW, boundB);
            var pixels = g.Batch * g.OutHeight * g.OutWidth;
            KernelTestData.AssertClose(expectedW, actualW, boundW, pixels, $"backward weight {g} mask={mask is not null}");
            KernelTestData.AssertClose(expectedB, actualB, boundB, pixels, $"backward bias {g}");
        }
    }

    [Fact]
    public void BackwardData_WithSmallColumnChunks_MatchesReference()
    {
        // Strided data gradient in many column chunks (chunk boundaries inside output rows).
        var kernels = new CpuKernels(2, SemRestore.Tensors.Kernels.Cpu.GemmPlan.DetectLevel()) { ColumnScratchFloats = 7 * 27 };
        var g = new Conv2dGeometry(2, 3, 11, 10, 4, 3, 3, 2, 2, 1, 1);
        var gradOutput = KernelTestData.Random((int)g.OutputLength, 1);
        var weight = KernelTestData.Random((int)g.WeightLength, 2);
        var expected = new float[g.InputLength];
        ReferenceKernels.Instance.Conv2dBackwardData(g, gradOutput, weight, null, expected);
        var actual = new float[g.InputLength];
        kernels.Conv2dBackwardData(g, gradOutput, weight, null, actual);
        var bound = new float[g.InputLength];
        ReferenceKernels.Instance.Conv2dBackwardData(g, KernelTestData.Abs(gradOutput), KernelTestData.Abs(weight), null, bound);
        KernelTestData.AssertClose(expected, actual, bound, Terms(g), "chunked backward data");
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void MaskedTaps_AreNeverRead(int level)
    {
        var kernels = KernelTestData.Backend(level);
        foreach (var (g, mask) in Cases().Where(c => c.Mask is not null))
        {
            var input = KernelTestData.Random((int)g.InputLength, 11);
            var gradOutput = KernelTestData.Random((int)g.OutputLength, 12);
            var weight = KernelTestData.Random((int)g.WeightLength, 13);
            var khw = g.KernelH * g.KernelW;
            for (var i = 0; i < weight.Length; i++)
            {
                if (!mask![i % khw])
                {
                    weight[i] = float.NaN;
                }
            }

            var output = new float[g.OutputLength];
            kernels.Conv2dForward(g, input, weight, [], mask, output);
            Assert.All(output, v => Assert.True(float.IsFinite(v)));
            var gradInput = new float[g.InputLength];
            kernels.Conv2dBackwardData(g, gradOutput, weight, mask, gradInput);
            Assert.All(gradInput, v => Assert.True(float.IsFinite(v)));

            // Masked taps of the weight gradient keep their (NaN) value; kept taps get finite sums.
            var gradWeight = (float[])weight.Clone();
            kernels.Conv2dBackwardWeight(g, input, gradOutput, mask, gradWeight, []);
            for (var i = 0; i < gradWeight.Length; i++)
            {
                Assert.Equal(!mask![i % khw], float.IsNaN(gradWeight[i]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void BlindSpotMask_OutputNeverSeesItsOwnPixel(int level)
    {
        // NaN at one input pixel in every channel: with the centre tap masked, the output at that pixel is
        // finite while its 8 neighbours are NaN.
        var kernels = KernelTestData.Backend(level);
        var g = new Conv2dGeometry(1, 3, 9, 10, 4, 3, 3, PadH: 1, PadW: 1);
        var input = KernelTestData.Random((int)g.InputLength, 21);
        for (var c = 0; c < 3; c++)
        {
            input[(c * 9 + 4) * 10 + 5] = float.NaN;
        }

        var output = new float[g.OutputLength];
        kernels.Conv2dForward(g, input, KernelTestData.Random((int)g.WeightLength, 22), [], s_noCentre3x3, output);
        for (var c = 0; c < 4; c++)
        {
            Assert.True(float.IsFinite(output[(c * 9 + 4) * 10 + 5]));
            Assert.True(float.IsNaN(output[(c * 9 + 3) * 10 + 5]));
            Assert.True(float.IsNaN(output[(c * 9 + 5) * 10 + 6]));
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Convolutions_WithOneOrThreeThreads_AreBitIdentical(int level)
    {
        foreach (var (g, mask) in new[]
                 {
                     (new Conv2dGeometry(2, 32, 24, 23, 40, 3, 3, PadH: 1, PadW: 1), (bool[]?)null),
                     (new Conv2dGeometry(1, 32, 22, 21, 32, 3, 3, 2, 2, 1, 1), null),
                     (new Conv2dGeometry(1, 32, 20, 20, 32, 5, 5, PadH: 2, PadW: 2), s_knight5x5),
                     (new Conv2dGeometry(2, 32, 20, 21, 32, 3, 3, PadH: 1, PadW: 1, Groups: 32), null),
                 })
        {
            var input = KernelTestData.Random((int)g.InputLength, 31);
            var weight = KernelTestData.Random((int)g.WeightLength, 32);
            var bias = KernelTestData.Random(g.OutChannels, 33);
            var gradOutput = KernelTestData.Random((int)g.OutputLength, 34);
            float[][]? first = null;
            foreach (var threads in new[] { 1, 3 })
            {
                var kernels = KernelTestData.Backend(level, threads);
                var output = new float[g.OutputLength];
                kernels.Conv2dForward(g, input, weight, bias, mask, output);
                var gradInput = new float[g.InputLength];
                kernels.Conv2dBackwardData(g, gradOutput, weight, mask, gradInput);
                var gradWeight = new float[g.WeightLength];
                var gradBias = new float[g.OutChannels];
                kernels.Conv2dBackwardWeight(g, input, gradOutput, mask, gradWeight, gradBias);
                float[][] results = [output, gradInput, gradWeight, gradBias];
                first ??= results;
                for (var i = 0; i < results.Length; i++)
                {
                    Assert.Equal(first[i], results[i]);
                }
            }
        }
    }

    [Fact]
    public void Forward_WithBadArguments_ThrowsNamingTheProblem()
    {
        var kernels = new CpuKernels();
        var g = new Conv2dGeometry(1, 2, 5, 5, 3, 3, 3);
        var error = Assert.Throws<ArgumentException>(() => kernels.Conv2dForward(g, new float[49], new float[54], [], [], new float[27]));
        Assert.Equal("input", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => kernels.Conv2dForward(g, new float[50], new float[54], [], new bool[4], new float[27]));
        Assert.Equal("tapMask", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => kernels.Conv2dForward(g, new float[50], new float[54], new float[2], [], new float[27]));
        Assert.Equal("bias", error.ParamName);
        Assert.Throws<ArgumentException>(() => kernels.Conv2dForward(g with { Groups = 2 }, new float[50], new float[54], [], [], new float[27]));
    }

    /// <summary>Products summed per output element (all taps; masking only lowers it).</summary>
    private static int Terms(in Conv2dGeometry g) => g.InChannelsPerGroup * g.KernelH * g.KernelW * Math.Max(1, g.OutChannelsPerGroup);
}
