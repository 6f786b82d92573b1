using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Metrics.Circles;
using SemRestore.TestUtilities;
using Xunit.Abstractions;

namespace SemRestore.Metrics.Tests.Circles;

public sealed class HoughCircleDetectorTests(ITestOutputHelper output)
{
    private const int Width = 384;
    private const int Height = 288;

    /// <summary>cv2.HoughCircles parameters of the golden run, mapped one to one (param1, param2, minDist, radii).</summary>
    internal static CircleDetectorOptions GoldenOptions()
    {
        var p = GoldenData.Json.GetProperty("circles").GetProperty("hough_parameters");
        return new CircleDetectorOptions
        {
            MinRadius = p.GetProperty("minRadius").GetInt32(),
            MaxRadius = p.GetProperty("maxRadius").GetInt32(),
            MinDistance = p.GetProperty("minDist").GetDouble(),
            EdgeThreshold = p.GetProperty("param1").GetDouble(),
            AccumulatorThreshold = p.GetProperty("param2").GetInt32(),
        };
    }

    internal static List<Circle> GoldenCircles(string key)
    {
        var list = new List<Circle>();
        foreach (var item in GoldenData.Json.GetProperty("circles").GetProperty(key).EnumerateArray())
        {
            list.Add(new Circle(item.GetProperty("x").GetDouble(), item.GetProperty("y").GetDouble(), item.GetProperty("r").GetDouble()));
        }

        return list;
    }

    [Theory]
    [Trait("Category", "Golden")]
    [InlineData("holes_clean_384x288.u8", "ground_truth")]
    [InlineData("holes_irregular_384x288.u8", "ground_truth_irregular")]
    public void Detect_CleanScene_FindsAll108Holes(string file, string truthKey)
    {
        var image = GoldenData.ReadU8(file, Width, Height);
        var truth = GoldenCircles(truthKey);
        Assert.Equal(108, truth.Count);
        var detected = HoughCircleDetector.Detect(image, GoldenOptions());
        var result = FailureRate.Compute(detected, truth);
        output.WriteLine($"{file}: {detected.Count} detections, {result.Found} found, {result.FalseDetections} false");
        var matched = result.Matches.Select(m => m.Truth).ToHashSet();
        for (var t = 0; t < truth.Count; t++)
        {
            if (!matched.Contains(t))
            {
                var nearest = detected.MinBy(d => Math.Pow(d.X - truth[t].X, 2) + Math.Pow(d.Y - truth[t].Y, 2));
                output.WriteLine($"missed {truth[t]}, nearest detection {nearest}");
            }
        }
        Assert.Equal(0.0, result.Percent);
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Detect_NoisyScene_AgreesWithCv2HoughCircles_OnAtLeast95PercentOfHoles()
    {
        // Agreement: of the holes cv2 finds (same parameters, same 8-bit image), we find at least 95 %.
        var image = GoldenData.ReadU8("holes_noisy_384x288.u8", Width, Height);
        var truth = GoldenCircles("ground_truth");
        var cv2 = FailureRate.Compute(GoldenCircles("cv2_noisy"), truth);
        var ours = FailureRate.Compute(HoughCircleDetector.Detect(image, GoldenOptions()), truth);
        var foundByCv2 = cv2.Matches.Select(m => m.Truth).ToHashSet();
        var foundByUs = ours.Matches.Select(m => m.Truth).ToHashSet();
        var agreed = foundByCv2.Count(foundByUs.Contains);
        output.WriteLine($"cv2 found {foundByCv2.Count}, we found {foundByUs.Count}, we found {agreed} of cv2's; false: cv2 {cv2.FalseDetections}, ours {ours.FalseDetections}");
        Assert.True(foundByCv2.Count >= 80, "the golden run should find most holes");
        Assert.True(agreed >= 0.95 * foundByCv2.Count, $"found {agreed} of the {foundByCv2.Count} holes cv2 found");
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Detect_PureNoise_FailureRateIs100Percent()
    {
        var noise = TestImages.Random(Width, Height, 11);
        var result = FailureRate.Compute(HoughCircleDetector.Detect(noise, GoldenOptions()), GoldenCircles("ground_truth"));
        Assert.Equal(100.0, result.Percent);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Detect_SixteenBitScaledImage_GivesSameCirclesWithMatchingDataRange()
    {
        var image = GoldenData.ReadU8("holes_clean_384x288.u8", Width, Height);
        var scaled = new GrayImage(Width, Height, 16);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            // A 16-bit acquisition using a quarter of its range: values in [0, 0.25].
            scaled.Pixels[i] = image.Pixels[i] * 0.25f;
        }

        var expected = HoughCircleDetector.Detect(image, GoldenOptions());
        var actual = HoughCircleDetector.Detect(scaled, GoldenOptions() with { DataRange = 0.25 });
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(0.0, FailureRate.Compute(actual, GoldenCircles("ground_truth")).Percent);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Detect_ConstantImage_FindsNothing()
    {
        Assert.Empty(HoughCircleDetector.Detect(TestImages.Constant(64, 64, 0.3f), new CircleDetectorOptions()));
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData(1, 10, "MinRadius")]
    [InlineData(10, 5, "MaxRadius")]
    public void Detect_InvalidRadii_ThrowsNamingOption(int minRadius, int maxRadius, string name)
    {
        var options = new CircleDetectorOptions { MinRadius = minRadius, MaxRadius = maxRadius };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => HoughCircleDetector.Detect(TestImages.Random(32, 32), options));
        Assert.Equal(name, e.ParamName);
    }
}
