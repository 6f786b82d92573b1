using SemRestore.TestUtilities;
using SemRestore.Training.Data;
using SemRestore.Training.Schemes;

namespace SemRestore.Training.Tests.Schemes;

[Trait("Category", "Unit")]
public sealed class Noise2VoidSchemeTests
{
    private static TrainingSample RandomSample(int size)
    {
        var sample = new TrainingSample(size);
        TestImages.Random(size, size, seed: 9).Pixels.CopyTo(sample.Input, 0);
        return sample;
    }

    [Fact]
    public void Masking_SelectsOnePixelPerBox_AndTargetsTheOriginal()
    {
        var scheme = (Noise2VoidScheme)SchemeRegistry.Create("n2v");
        Assert.Equal(8, scheme.BoxSize);
        var sample = RandomSample(64);
        var original = (float[])sample.Input.Clone();

        scheme.PrepareNormalized(sample, new SeededRandom(4));

        Assert.Equal(original, sample.Target);
        Assert.Equal(64, sample.Mask.Count(m => m == 1f));
        Assert.All(sample.Mask, m => Assert.True(m is 0f or 1f));
        for (var by = 0; by < 64; by += 8)
        {
            for (var bx = 0; bx < 64; bx += 8)
            {
                var inBox = 0;
                for (var y = by; y < by + 8; y++)
                {
                    for (var x = bx; x < bx + 8; x++)
                    {
                        inBox += (int)sample.Mask[y * 64 + x];
                    }
                }

                Assert.Equal(1, inBox);
            }
        }
    }

    [Fact]
    public void Uniform_ReplacesWithAPixelOfThe11x11Window_AndLeavesOthers()
    {
        var scheme = SchemeRegistry.Create("n2v:perc=5");
        var sample = RandomSample(48);
        var original = (float[])sample.Input.Clone();

        scheme.PrepareNormalized(sample, new SeededRandom(8));

        var replacedByOther = 0;
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 48; x++)
            {
                var i = y * 48 + x;
                if (sample.Mask[i] == 0f)
                {
                    Assert.Equal(original[i], sample.Input[i]);
                    continue;
                }

                var found = false;
                for (var dy = -5; dy <= 5 && !found; dy++)
                {
                    for (var dx = -5; dx <= 5 && !found; dx++)
                    {
                        var yy = Math.Clamp(y + dy, 0, 47);
                        var xx = Math.Clamp(x + dx, 0, 47);
                        found = original[yy * 48 + xx] == sample.Input[i];
                    }
                }

                Assert.True(found, $"pixel ({x},{y}) got a value from outside its 11x11 window");
                replacedByOther += sample.Input[i] != original[i] ? 1 : 0;
            }
        }

        Assert.True(replacedByOther > 0.9 * sample.Mask.Sum(), "almost every masked pixel should get a neighbour's value");
    }

    [Fact]
    public void N2V2_ReplacesWithTheMedianWithoutTheCentre()
    {
        var scheme = SchemeRegistry.Create("n2v:variant=n2v2,radius=1,perc=10");
        var sample = RandomSample(32);
        var original = (float[])sample.Input.Clone();

        scheme.PrepareNormalized(sample, new SeededRandom(2));

        for (var i = 0; i < sample.Mask.Length; i++)
        {
            if (sample.Mask[i] == 0f)
            {
                continue;
            }

            int x = i % 32, y = i / 32;
            var window = new List<float>();
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if ((dx != 0 || dy != 0) && x + dx is >= 0 and < 32 && y + dy is >= 0 and < 32)
                    {
                        window.Add(original[(y + dy) * 32 + x + dx]);
                    }
                }
            }

            window.Sort();
            var n = window.Count;
            var median = n % 2 == 1 ? window[n / 2] : 0.5f * (window[n / 2 - 1] + window[n / 2]);
            Assert.Equal(median, sample.Input[i]);
        }
    }

    [Fact]
    public void Scheme_IsMasked_AndUsesOneFrame()
    {
        var scheme = SchemeRegistry.Create("n2v");
        Assert.True(scheme.IsMasked);
        Assert.Equal(scheme.InputFrame, scheme.TargetFrame);
    }
}
