using SemRestore.Metrics.Circles;
using SemRestore.Synthesis.Scenes;
using Xunit.Abstractions;

namespace SemRestore.Metrics.Tests.Circles;

/// <summary>The detector on the synthesis issue's clean scenes (1024x768, 9 x 12 = 108 holes): every hole is found.</summary>
public sealed class SynthesisScenesTests(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Integration")]
    [InlineData("holes", 7UL)]
    [InlineData("holes-irregular", 8UL)]
    public void Detect_CleanSynthesisScene_FindsAll108Holes(string kind, ulong seed)
    {
        var render = SceneGeneratorRegistry.Create(kind).Render(1024, 768, 0, seed);
        var truth = render.Circles!.Select(c => new Circle(c.X, c.Y, c.R)).ToList();
        Assert.Equal(108, truth.Count);
        var detected = HoughCircleDetector.Detect(render.Clean(), CircleDetectorOptions.ForGroundTruth(truth));
        var result = FailureRate.Compute(detected, truth);
        output.WriteLine($"{kind}: {detected.Count} detections, {result.Found} found, {result.FalseDetections} false");
        var matched = result.Matches.Select(m => m.Truth).ToHashSet();
        for (var t = 0; t < truth.Count; t++)
        {
            if (!matched.Contains(t))
            {
                var nearest = detected.MinBy(d => Math.Pow(d.X - truth[t].X, 2) + Math.Pow(d.Y - truth[t].Y, 2));
                output.WriteLine($"missed {render.Circles![t]}, nearest {nearest}");
            }
        }

        Assert.Equal(0.0, result.Percent);
    }
}
