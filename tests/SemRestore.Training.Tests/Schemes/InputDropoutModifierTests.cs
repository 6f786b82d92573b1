using SemRestore.Imaging.Specs;
using SemRestore.Training.Data;
using SemRestore.Training.Schemes;

namespace SemRestore.Training.Tests.Schemes;

[Trait("Category", "Unit")]
public sealed class InputDropoutModifierTests
{
    private static TrainingSample SampleOfOnes(int size, float value = 0.75f)
    {
        var sample = new TrainingSample(size);
        Array.Fill(sample.Input, value);
        Array.Fill(sample.Target, 0.5f);
        return sample;
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.2)]
    public void Random_DropsTheFractionP_SetsZero_AndDoesNotRescale(double p)
    {
        var scheme = SchemeRegistry.Create($"relaxed-n2n+input-dropout:p={p.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var sample = SampleOfOnes(1000);

        scheme.PrepareNormalized(sample, new SeededRandom(11));

        var dropped = sample.Input.Count(v => v == 0f);
        Assert.InRange(dropped / 1e6, p - 0.01, p + 0.01);
        Assert.All(sample.Input, v => Assert.True(v == 0f || v == 0.75f, $"kept pixel changed to {v} (rescaled?)"));
        Assert.All(sample.Target, v => Assert.Equal(0.5f, v));
        Assert.All(sample.Mask, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Grid_DropsWholeAlignedBlocks()
    {
        var scheme = SchemeRegistry.Create("n2n+input-dropout:p=0.5,mode=grid,grid=4");
        var sample = SampleOfOnes(64);

        scheme.PrepareNormalized(sample, new SeededRandom(3));

        var blocksDropped = 0;
        for (var by = 0; by < 64; by += 4)
        {
            for (var bx = 0; bx < 64; bx += 4)
            {
                var zeros = 0;
                for (var y = 0; y < 4; y++)
                {
                    for (var x = 0; x < 4; x++)
                    {
                        zeros += sample.Input[(by + y) * 64 + bx + x] == 0f ? 1 : 0;
                    }
                }

                Assert.True(zeros is 0 or 16, $"block ({bx},{by}) is partly dropped ({zeros}/16)");
                blocksDropped += zeros / 16;
            }
        }

        Assert.InRange(blocksDropped, 256 * 0.35, 256 * 0.65);
    }

    [Fact]
    public void Mixed_UsesOneBlockSizeFromTheList()
    {
        var scheme = new InputDropoutModifier(NamedSpec.Parse("input-dropout:mode=mixed"), SchemeRegistry.Create("relaxed-n2n"));
        var sizes = new HashSet<int>();
        for (var seed = 0UL; seed < 40; seed++)
        {
            var sample = SampleOfOnes(128);
            scheme.PrepareNormalized(sample, new SeededRandom(seed));
            sizes.Add(SmallestRunOfZeros(sample.Input, 128));
        }

        Assert.Subset(InputDropoutModifier.MixedGridSizes.ToHashSet(), sizes.Where(s => s is > 0 and < 128).ToHashSet());
        Assert.True(sizes.Count >= 3, "mixed mode should vary the block size between patches");
    }

    [Fact]
    public void Dropout_LeavesRawPreparationAlone_AndDescribesItself()
    {
        var scheme = SchemeRegistry.Create("relaxed-n2n:target=F16+input-dropout");
        var sample = SampleOfOnes(16);
        scheme.PrepareRaw(sample, new SeededRandom(1));
        Assert.All(sample.Input, v => Assert.Equal(0.75f, v));
        Assert.Equal("relaxed-n2n:input=F01,target=F16+input-dropout:p=0.6", scheme.Description);
        Assert.Equal("F16", scheme.TargetFrame);
    }

    [Theory]
    [InlineData("relaxed-n2n+input-dropout:p=1.5", "'p' must be in")]
    [InlineData("relaxed-n2n+input-dropout:mode=stripes", "must be one of")]
    [InlineData("input-dropout", "modifies a scheme")]
    public void BadSpecs_Throw(string spec, string fragment)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SchemeRegistry.Create(spec));
        Assert.Contains(fragment, error.Message);
    }

    // Length of the shortest horizontal run of zeros in a row that starts at a block boundary of the image.
    private static int SmallestRunOfZeros(float[] values, int size)
    {
        var smallest = int.MaxValue;
        for (var y = 0; y < size; y++)
        {
            var run = 0;
            for (var x = 0; x <= size; x++)
            {
                if (x < size && values[y * size + x] == 0f)
                {
                    run++;
                    continue;
                }

                if (run > 0)
                {
                    smallest = Math.Min(smallest, run);
                }

                run = 0;
            }
        }

        return smallest == int.MaxValue ? 0 : smallest;
    }
}
