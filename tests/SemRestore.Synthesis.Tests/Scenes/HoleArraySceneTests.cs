using SemRestore.Imaging;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Tests.Scenes;

[Trait("Category", "Unit")]
public sealed class HoleArraySceneTests
{
    [Fact]
    public void Holes_Has108CirclesInsideTheImage()
    {
        var scene = SceneGeneratorRegistry.Create("holes").Render(384, 288, 10, 5);
        Assert.Equal(108, scene.Circles!.Count);
        Assert.All(scene.Circles, c =>
        {
            Assert.InRange(c.X - c.R, 0, scene.Width - 1);
            Assert.InRange(c.Y + c.R, 0, scene.Height - 1);
            Assert.Null(c.Rx);
        });
        Assert.Null(scene.DefectMask);
    }

    [Theory]
    [InlineData("holes")]
    [InlineData("holes:radius=0.25,jitter=0.03,radiusjitter=0.05")]
    [InlineData("contacts")]
    public void Circles_RimBrightnessPeaksAtListedRadius(string kind)
    {
        var scene = SceneGeneratorRegistry.Create(kind).Render(512, 384, 8, 9);
        var clean = scene.Clean();
        var worst = 0.0;
        Assert.All(scene.Circles!, circle =>
        {
            var peak = RimPeakRadius(clean, circle.X, circle.Y, circle.R);
            worst = Math.Max(worst, Math.Abs(peak - circle.R));
            Assert.True(Math.Abs(peak - circle.R) <= 1, $"rim of ({circle.X:0.0}, {circle.Y:0.0}) peaks at {peak:0.00}, listed {circle.R:0.00}");
        });
        Console.WriteLine($"{kind}: largest rim-peak error {worst:0.000} px over {scene.Circles!.Count} holes");
    }

    [Fact]
    public void Irregular_HolesAreOvalWithAxesListed()
    {
        var scene = SceneGeneratorRegistry.Create("holes-irregular").Render(384, 288, 10, 5);
        Assert.Equal(108, scene.Circles!.Count);
        var ratios = scene.Circles.Select(c => c.Rx!.Value / c.Ry!.Value).ToList();
        Assert.All(ratios, r => Assert.InRange(r, 0.8 - 1e-9, 1.2 + 1e-9));
        Assert.True(ratios.Max() - ratios.Min() > 0.15, "aspect ratios should spread over 0.8-1.2");
        var small = SceneGeneratorRegistry.Create("holes-irregular-small").Render(384, 288, 10, 5);
        Assert.True(small.Circles!.Average(c => c.R) < 0.6 * scene.Circles.Average(c => c.R));
    }

    [Fact]
    public void Canvas_ContinuesThePatternIntoTheMargin()
    {
        var scene = SceneGeneratorRegistry.Create("holes").Render(240, 180, 30, 5);
        Assert.Equal(300, scene.Canvas.Width);
        // A hole of the next column sits in the right margin: its dark interior appears there.
        var pitch = 20.0;
        var x = (int)Math.Round(240 + scene.Margin + pitch / 2);
        var y = (int)Math.Round(scene.Margin + 20.0 / 2 * 180 / 180);
        Assert.True(scene.Canvas[x, y] < 0.2f, $"expected a hole interior at canvas ({x}, {y}), got {scene.Canvas[x, y]}");
        Assert.All(scene.Canvas.Pixels, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Render_SameSeedSameBytes_OtherSeedDiffers()
    {
        var generator = SceneGeneratorRegistry.Create("holes-irregular");
        var a = generator.Render(200, 150, 6, 3, defects: 3).Canvas;
        var b = generator.Render(200, 150, 6, 3, defects: 3).Canvas;
        Assert.Equal(Statistics.Hash(a), Statistics.Hash(b));
        Assert.NotEqual(Statistics.Hash(a), Statistics.Hash(generator.Render(200, 150, 6, 4, defects: 3).Canvas));
    }

    [Fact]
    public void Defects_AreDrawnAndMasked()
    {
        var generator = SceneGeneratorRegistry.Create("holes");
        var plain = generator.Render(384, 288, 8, 21);
        var defective = generator.Render(384, 288, 8, 21, defects: 6);
        var mask = defective.DefectMask!;
        Assert.Contains(mask.Pixels, v => v == 1f);
        var clean = plain.Clean();
        var changed = defective.Clean();
        double insideChange = 0, outsideChange = 0;
        long inside = 0, outside = 0;
        for (var i = 0; i < mask.Pixels.Length; i++)
        {
            var change = Math.Abs(changed.Pixels[i] - clean.Pixels[i]);
            if (mask.Pixels[i] > 0) { insideChange += change; inside++; } else { outsideChange += change; outside++; }
        }

        Assert.True(insideChange / inside > 0.05, "defects should change the image inside the mask");
        Assert.True(outsideChange / outside < 0.005, "defects should leave the rest of the image nearly unchanged");
        Assert.True(defective.Circles!.Count <= 108);
    }

    [Fact]
    public void Parameters_ThatOverlapCells_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SceneGeneratorRegistry.Create("holes:radius=0.45,rimwidth=0.05"));
        Assert.Contains("do not fit", error.Message);
        Assert.Throws<ArgumentException>(() => SceneGeneratorRegistry.Create("holes:diameter=3"));
        Assert.Throws<ArgumentException>(() => SceneGeneratorRegistry.Create("donuts"));
    }

    /// <summary>Radius of the maximum of the angle-averaged profile around (cx, cy), parabola-refined, searched within r +- 4 px.</summary>
    internal static double RimPeakRadius(GrayImage image, double cx, double cy, double r)
    {
        const int angles = 72;
        const double step = 0.1;
        var best = double.NegativeInfinity;
        var bestIndex = 0;
        var profile = new double[81];
        for (var k = 0; k < profile.Length; k++)
        {
            var radius = r - 4 + k * step;
            double sum = 0;
            for (var a = 0; a < angles; a++)
            {
                var (sin, cos) = Math.SinCos(2 * Math.PI * a / angles);
                sum += Bilinear(image, cx + radius * cos, cy + radius * sin);
            }

            profile[k] = sum / angles;
            if (profile[k] > best)
            {
                best = profile[k];
                bestIndex = k;
            }
        }

        var offset = 0.0;
        if (bestIndex > 0 && bestIndex < profile.Length - 1)
        {
            var denominator = profile[bestIndex - 1] - 2 * profile[bestIndex] + profile[bestIndex + 1];
            offset = denominator < 0 ? 0.5 * (profile[bestIndex - 1] - profile[bestIndex + 1]) / denominator : 0;
        }

        return r - 4 + (bestIndex + offset) * step;
    }

    private static double Bilinear(GrayImage image, double x, double y)
    {
        x = Math.Clamp(x, 0, image.Width - 1.001);
        y = Math.Clamp(y, 0, image.Height - 1.001);
        var x0 = (int)x;
        var y0 = (int)y;
        var fx = x - x0;
        var fy = y - y0;
        return (1 - fy) * ((1 - fx) * image[x0, y0] + fx * image[x0 + 1, y0]) + fy * ((1 - fx) * image[x0, y0 + 1] + fx * image[x0 + 1, y0 + 1]);
    }
}
