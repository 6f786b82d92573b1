using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Metrics.Evaluation;
using SemRestore.Metrics.Noise;
using SemRestore.TestUtilities;
using Xunit.Abstractions;

namespace SemRestore.Metrics.Tests.Noise;

/// <summary>The real SEM pairs of ../shared/data/sem-real: their noise is correlated along the fast-scan axis (README: ~0.4 at lag 1 in x, ~0 in y).</summary>
public sealed class RealNoiseTests(ITestOutputHelper output)
{
    public static TheoryData<string> Pairs => new() { "kriss-spheres_L05", "kriss-spheres_L12", "kriss-spheres_T20", "kriss-spheres_T30" };

    [Theory]
    [Trait("Category", "Integration")]
    [MemberData(nameof(Pairs))]
    public void CorrelationMap_RealPair_ShowsHorizontalCorrelation(string pair)
    {
        if (!Directory.Exists(TestPaths.SemReal))
        {
            output.WriteLine($"skipped: {TestPaths.SemReal} is not present");
            return;
        }

        var files = Directory.GetFiles(TestPaths.SemReal, pair + "_*.tif");
        var interior = new CropRegion(1, 1, 510, 440); // README: drop the 1-px frame and the data bar
        var noisy = interior.Apply(ImageIo.Read(files.Single(f => f.Contains("_noisy_"))), pair);
        var clean = interior.Apply(ImageIo.Read(files.Single(f => f.Contains("_clean_"))), pair);
        var (alignedNoisy, alignedClean) = AlignByIntegerShift(noisy, clean, 6);
        var fit = IntensityMatch.Fit(alignedClean, alignedNoisy);
        var analysis = NoiseAnalysis.Analyze(alignedNoisy, fit.Apply(alignedClean), 3);
        var x1 = analysis.Correlation.At(1, 0);
        var y1 = analysis.Correlation.At(0, 1);
        output.WriteLine($"{pair}: corr(1,0) = {x1:0.000}, corr(0,1) = {y1:0.000}, residual sigma = {analysis.ResidualSigma * 255:0.0} DN");
        Assert.InRange(x1, 0.25, 0.6);
        Assert.True(x1 > y1 + 0.2, $"horizontal {x1} should exceed vertical {y1} clearly");
        Assert.InRange(analysis.ResidualSigma * 255, 10, 35);
    }

    /// <summary>Test-only integer registration by least squares over shifts in [-radius, radius]^2; crops both to the overlap.</summary>
    private static (GrayImage Noisy, GrayImage Clean) AlignByIntegerShift(GrayImage noisy, GrayImage clean, int radius)
    {
        var best = (Dx: 0, Dy: 0, Mse: double.MaxValue);
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                double sum = 0;
                var n = 0;
                for (var y = radius; y < noisy.Height - radius; y += 2)
                {
                    for (var x = radius; x < noisy.Width - radius; x += 2)
                    {
                        double d = noisy[x, y] - clean[x + dx, y + dy];
                        sum += d * d;
                        n++;
                    }
                }

                if (sum / n < best.Mse)
                {
                    best = (dx, dy, sum / n);
                }
            }
        }

        var width = noisy.Width - 2 * radius;
        var height = noisy.Height - 2 * radius;
        return (new CropRegion(radius, radius, width, height).Apply(noisy, "noisy"),
                new CropRegion(radius + best.Dx, radius + best.Dy, width, height).Apply(clean, "clean"));
    }
}
