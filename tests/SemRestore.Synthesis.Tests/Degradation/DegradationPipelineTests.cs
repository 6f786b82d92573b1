using SemRestore.Synthesis.Degradation;
using SemRestore.Synthesis.Randomness;
using SemRestore.TestUtilities;

namespace SemRestore.Synthesis.Tests.Degradation;

[Trait("Category", "Unit")]
public sealed class DegradationPipelineTests
{
    private const string SemNet = "blur:sigma=0.2..3 + rescale:factor=1..4 + gaussian:sigma=2..25|poisson:lambda=1e2..1e4";

    [Fact]
    public void Parse_SemNetPipeline_HasThreeStepsInOrder()
    {
        var pipeline = DegradationPipeline.Parse(SemNet);
        Assert.Equal(3, pipeline.Steps.Count);
        Assert.IsType<GaussianBlurDegradation>(pipeline.Steps[0]);
        Assert.IsType<RescaleDegradation>(pipeline.Steps[1]);
        Assert.IsType<RandomNoiseDegradation>(pipeline.Steps[2]);
        Assert.StartsWith("blur:sigma=0.2..3 + rescale:factor=1..4", pipeline.Spec);
    }

    [Fact]
    public void Apply_IsDeterministicAndSeedDependent()
    {
        var image = TestImages.Textured(96, 64);
        var pipeline = DegradationPipeline.Parse(SemNet);
        var a = pipeline.Apply(image, 5);
        Assert.Equal(Statistics.Hash(a), Statistics.Hash(pipeline.Apply(image, 5)));
        Assert.NotEqual(Statistics.Hash(a), Statistics.Hash(pipeline.Apply(image, 6)));
        Assert.Equal((96, 64), (a.Width, a.Height));
        Assert.All(a.Pixels, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void FixedGaussianRange_HasThatSigma()
    {
        var clean = TestImages.Constant(256, 256, 0.5f);
        var noisy = DegradationPipeline.Parse("gaussian:sigma=10..10").Apply(clean, 3);
        Assert.InRange(Math.Sqrt(Statistics.Moments(noisy.Pixels).Variance) * 255, 9.7, 10.3);
    }

    [Fact]
    public void Rescale_ByTwoBicubic_KeepsSmoothImages()
    {
        var image = TestImages.Textured(128, 96);
        var result = DegradationPipeline.Parse("rescale:factor=2..2,methods=bicubic").Apply(image, 1);
        Assert.True(Statistics.Psnr8(result, image) > 35, "a smooth image survives 2x down-up scaling");
        var coarse = DegradationPipeline.Parse("rescale:factor=4..4,methods=nearest").Apply(TestImages.Random(64, 64), 1);
        Assert.True(Statistics.Psnr8(coarse, TestImages.Random(64, 64)) < 15, "random pixels do not survive 4x nearest scaling");
    }

    [Fact]
    public void Blur_ReducesVariance()
    {
        var image = TestImages.Random(64, 64);
        var blurred = DegradationPipeline.Parse("blur:sigma=2..2").Apply(image, 1);
        Assert.True(Statistics.Moments(blurred.Pixels).Variance < 0.1 * Statistics.Moments(image.Pixels).Variance);
    }

    [Fact]
    public void LogScaleRange_DrawsWithinBoundsAndSpreadsOverDecades()
    {
        var range = ParameterRange.Parse("poisson", "lambda", "1e2..1e4", 0, 1e8, logScale: true);
        var random = new CounterRandom(9);
        var below1000 = 0;
        for (var i = 0; i < 10000; i++)
        {
            var value = range.Draw(ref random);
            Assert.InRange(value, 100, 10000);
            below1000 += value < 1000 ? 1 : 0;
        }

        Assert.InRange(below1000, 4700, 5300); // log-uniform: half the draws in each decade
    }

    [Theory]
    [InlineData("sharpen:amount=2", "blur")]
    [InlineData("blur:sigma=3..1", "min <= max")]
    [InlineData("blur:sigma=abc", "number or a range")]
    [InlineData("gaussian:sigma=2..300", "sigma")]
    [InlineData("rescale:methods=area", "area")]
    [InlineData("blur:radius=2", "radius")]
    public void Parse_BadSteps_SayWhy(string text, string fragment)
    {
        var error = Assert.Throws<ArgumentException>(() => DegradationPipeline.Parse(text));
        Assert.Contains(fragment, error.Message);
    }
}
