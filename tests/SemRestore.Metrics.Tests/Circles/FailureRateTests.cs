using SemRestore.Imaging;
using SemRestore.Metrics.Circles;
using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests.Circles;

public sealed class FailureRateTests
{
    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_AppliesCentreAndRadiusTolerances()
    {
        var truth = new[] { new Circle(0, 0, 10), new Circle(100, 0, 10), new Circle(200, 0, 10), new Circle(300, 0, 10) };
        var detected = new[]
        {
            new Circle(1.9, 0, 10),    // centre 0.19 r: found
            new Circle(102.1, 0, 10),  // centre 0.21 r: missed
            new Circle(200, 0, 11.9),  // radius +19 %: found
            new Circle(300, 0, 7.9),   // radius -21 %: missed
        };
        var result = FailureRate.Compute(detected, truth);
        Assert.Equal(2, result.Found);
        Assert.Equal(50.0, result.Percent);
        Assert.Equal(2, result.FalseDetections);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_IsOneToOne_BestPairWins()
    {
        var truth = new[] { new Circle(0, 0, 10), new Circle(1.5, 0, 10) };
        var detected = new[] { new Circle(1.4, 0, 10) };
        var result = FailureRate.Compute(detected, truth);
        Assert.Equal(1, result.Found);
        Assert.Equal((1, 0), result.Matches[0]);
        Assert.Equal(50.0, result.Percent);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Compute_NoGroundTruth_PercentIsNull()
    {
        Assert.Null(FailureRate.Compute(new[] { new Circle(1, 1, 3) }, Array.Empty<Circle>()).Percent);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void CircleFile_RoundTrips_AndRejectsBadFiles()
    {
        var folder = TestPaths.NewTempDirectory();
        var path = Path.Combine(folder, "circles.json");
        CircleFile.Save(path, new[] { new Circle(1.5, 2.25, 3) });
        var loaded = CircleFile.Load(path);
        Assert.Equal(new Circle(1.5, 2.25, 3), loaded.Single());

        File.WriteAllText(path, "{\"holes\":[]}");
        Assert.Contains("circles", Assert.Throws<InvalidInputException>(() => CircleFile.Load(path)).Message);
        File.WriteAllText(path, "{\"circles\":[{\"x\":1,\"y\":1,\"r\":-2}]}");
        Assert.Contains("radius", Assert.Throws<InvalidInputException>(() => CircleFile.Load(path)).Message);
        Assert.Contains("not found", Assert.Throws<InvalidInputException>(() => CircleFile.Load(Path.Combine(folder, "none.json"))).Message);
    }
}
