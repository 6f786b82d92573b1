using SemRestore.Classical.Median;
using SemRestore.Classical.Tests.Support;
using SemRestore.Imaging;
using SemRestore.TestUtilities;

namespace SemRestore.Classical.Tests;

public sealed class MedianDenoiserTests
{
    [Theory]
    [Trait("Category", "Golden")]
    [InlineData(3, "median3_cv2")]
    [InlineData(5, "median5_cv2")]
    public void Denoise_On8BitInput_EqualsCv2MedianBlurExactly(int size, string golden)
    {
        var input = Golden.Image("textured_u8");
        var expected = Golden.Image(golden);
        var output = new MedianDenoiser(new MedianOptions { Size = size, Border = BorderMode.Replicate }).Denoise(input);
        Assert.Equal(expected.Pixels, output.Pixels);
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Denoise_Size11_EqualsNumpySortReference()
    {
        var output = new MedianDenoiser(new MedianOptions { Size = 11 }).Denoise(Golden.Image("random_f32"));
        Assert.Equal(Golden.Image("median11_reflect").Pixels, output.Pixels);
    }

    [Theory]
    [Trait("Category", "Kernel")]
    [InlineData(3, BorderMode.Reflect, 1)]
    [InlineData(3, BorderMode.Replicate, 2)]
    [InlineData(5, BorderMode.Reflect, 2)]
    [InlineData(5, BorderMode.Replicate, 1)]
    [InlineData(7, BorderMode.Reflect, 1)]
    [InlineData(11, BorderMode.Reflect, 3)]
    [InlineData(11, BorderMode.Replicate, 1)]
    [InlineData(15, BorderMode.Reflect, 1)]
    public void Denoise_OnArbitraryFloats_EqualsSortReference(int size, BorderMode border, int passes)
    {
        var options = new MedianOptions { Size = size, Border = border, Passes = passes };
        foreach (var (width, height) in new[] { (1, 1), (2, 3), (7, 5), (17, 9), (33, 21) })
        {
            var input = TestImages.Random(width, height, seed: width + size);
            Assert.Equal(ReferenceMedian.Apply(input, size, border, passes).Pixels, new MedianDenoiser(options).Denoise(input).Pixels);
        }
    }

    [Theory]
    [Trait("Category", "Kernel")]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    public void Denoise_OddWidths_EqualSortReference(int size)
    {
        for (var width = 1; width <= 26; width++)
        {
            var input = TestImages.Random(width, 6, seed: width);
            Assert.Equal(ReferenceMedian.Apply(input, size, BorderMode.Reflect).Pixels,
                new MedianDenoiser(new MedianOptions { Size = size }).Denoise(input).Pixels);
        }
    }

    [Fact]
    [Trait("Category", "Kernel")]
    public void Denoise_On16BitCodes_UsesExactCodesAndEqualsSortReference()
    {
        // Values k / 65535 with many ties and out-of-[0,1] values mixed in exercise both the code table and the bucket fallback.
        var random = new Random(4);
        var coded = new GrayImage(45, 31);
        var mixed = new GrayImage(45, 31);
        for (var i = 0; i < coded.Pixels.Length; i++)
        {
            coded.Pixels[i] = random.Next(0, 300) * 200 / 65535f;
            mixed.Pixels[i] = i % 7 == 0 ? (float)(random.NextDouble() * 3 - 1) : coded.Pixels[i] + 1e-7f * (i % 3);
        }

        foreach (var image in new[] { coded, mixed })
        {
            Assert.Equal(ReferenceMedian.Apply(image, 9, BorderMode.Reflect, 2).Pixels,
                new MedianDenoiser(new MedianOptions { Size = 9, Passes = 2 }).Denoise(image).Pixels);
        }
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Denoise_Size1_ReturnsCopy()
    {
        var input = TestImages.Random(8, 8);
        var output = new MedianDenoiser(new MedianOptions { Size = 1 }).Denoise(input);
        Assert.Equal(input.Pixels, output.Pixels);
        Assert.NotSame(input.Pixels, output.Pixels);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Denoise_RemovesSaltAndPepper()
    {
        var input = TestImages.Constant(20, 20, 0.5f);
        input[5, 5] = 1f;
        input[12, 7] = 0f;
        var output = new MedianDenoiser().Denoise(input);
        Assert.All(output.Pixels, value => Assert.Equal(0.5f, value));
    }
}
