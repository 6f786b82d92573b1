using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Metrics.Circles;
using SemRestore.Metrics.Evaluation;
using SemRestore.Metrics.Tests.Circles;
using SemRestore.TestUtilities;

namespace SemRestore.Metrics.Tests.Evaluation;

public sealed class EvaluatorTests
{
    /// <summary>
    /// A two-scene manifest over the golden holes scenes: F64 = clean, F32 and F01 = clean plus Gaussian noise of
    /// sigma 0.03 and 0.15. Images live in memory; the manifest and circles.json are real files.
    /// </summary>
    private sealed class SyntheticDataset
    {
        public SyntheticDataset(string? skipFrame = null)
        {
            Root = TestPaths.NewTempDirectory();
            var scenes = new List<object>();
            var sources = new[] { ("holes_clean_384x288.u8", "ground_truth", "holes"), ("holes_irregular_384x288.u8", "ground_truth_irregular", "holes-irregular") };
            for (var s = 0; s < sources.Length; s++)
            {
                var (file, truthKey, kind) = sources[s];
                var name = $"scene-{s:000}";
                var clean = GoldenData.ReadU8(file, 384, 288);
                var files = new Dictionary<string, string>();
                foreach (var (frame, sigma) in new[] { ("F01", 0.15), ("F32", 0.03), ("F64", 0.0) })
                {
                    if (frame == skipFrame)
                    {
                        continue;
                    }

                    var relative = $"{name}/{frame}.tif";
                    Images[Path.GetFullPath(Path.Combine(Root, relative))] = AddNoise(clean, sigma, 100 * s + frame.Length + (int)(sigma * 1000));
                    files[frame] = relative;
                }

                Directory.CreateDirectory(Path.Combine(Root, name));
                CircleFile.Save(Path.Combine(Root, name, "circles.json"), HoughCircleDetectorTests.GoldenCircles(truthKey));
                scenes.Add(new { name, kind, split = "test", files, circles = $"{name}/circles.json" });
            }

            scenes.Add(new { name = "scene-train", kind = "holes", split = "train", files = new Dictionary<string, string> { ["F01"] = "missing.tif" } });
            File.WriteAllText(Path.Combine(Root, "manifest.json"), JsonSerializer.Serialize(new { version = 1, kind = "holes", seed = 1, width = 384, height = 288, scenes }));
        }

        public string Root { get; }

        public Dictionary<string, GrayImage> Images { get; } = new();

        public int Reads { get; private set; }

        public GrayImage Read(string path)
        {
            Reads++;
            return Images.TryGetValue(path, out var image) ? image.Clone() : throw new InvalidInputException($"{path}: file not found");
        }
    }

    private static GrayImage AddNoise(GrayImage clean, double sigma, int seed)
    {
        var random = new Random(seed);
        var noisy = clean.Clone();
        for (var i = 0; i < noisy.Pixels.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var gauss = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(Math.Tau * random.NextDouble());
            noisy.Pixels[i] = (float)Math.Clamp(noisy.Pixels[i] + sigma * gauss, 0, 1);
        }

        return noisy;
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Run_ScoresMethodsPerSceneAndKind_AndWritesReport()
    {
        var data = new SyntheticDataset();
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var options = new EvaluationOptions { Methods = MethodSpec.ParseList("box:radius=1,box:radius=1@F32"), ReportImageItems = 1 };
        var run = evaluator.Run(EvaluationDataset.Load(data.Root), options);
        var result = run.Result;

        Assert.Equal(2, result.Items.Count); // the train scene is left out: the dataset has a test split
        Assert.Equal(new[] { "input", "box:radius=1", "box:radius=1@F32" }, result.Methods.Select(m => m.Label));
        var input = result.Methods[0];
        var boxF01 = result.Methods[1];
        var boxF32 = result.Methods[2];
        Assert.True(boxF01.Psnr > input.Psnr + 3, $"box {boxF01.Psnr} vs input {input.Psnr}");
        Assert.True(boxF01.Ssim > input.Ssim);
        Assert.True(boxF32.Psnr > boxF01.Psnr, "the less noisy F32 input should score higher");
        Assert.All(result.Items, i => Assert.Equal(108, i.GroundTruthCircles));
        Assert.All(result.Items, i => Assert.Equal("circles.json", i.CircleSource));
        Assert.True(boxF32.FailureRate < input.FailureRate, $"FR box@F32 {boxF32.FailureRate} vs input {input.FailureRate}");
        Assert.Equal(new[] { "holes", "holes-irregular" }, result.Kinds.Select(k => k.Kind));
        Assert.NotNull(result.Items[0].Noise);
        Assert.InRange(result.Items[0].Noise!.CorrelationX1, -0.1, 0.1);

        var output = TestPaths.NewTempDirectory();
        var written = ReportWriter.Write(output, run);
        foreach (var name in new[] { "report.md", "report.html", "results.json", "results.csv" })
        {
            Assert.Contains(Path.Combine(output, name), written);
            Assert.True(new FileInfo(Path.Combine(output, name)).Length > 100, name);
        }

        var pngs = Directory.GetFiles(Path.Combine(output, "images"), "*.png", SearchOption.AllDirectories);
        Assert.Equal(5, pngs.Length); // input, two outputs, reference, heat map
        Assert.All(pngs, p => Assert.Equal(0x89, File.ReadAllBytes(p)[0]));
        var markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains($"**{boxF32.Psnr:0.00}**", markdown);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        var methods = json.RootElement.GetProperty("methods");
        Assert.Equal(boxF32.Psnr, methods[2].GetProperty("psnr").GetDouble(), 9);
        var csv = File.ReadAllLines(Path.Combine(output, "results.csv"));
        Assert.Equal(1 + 2 * 3, csv.Length);
        Assert.StartsWith("scene-000,holes,test,box:radius=1,F01,", csv[2]);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_UnknownMethod_FailsBeforeReadingAnyImage_ListingRegisteredNames()
    {
        var data = new SyntheticDataset();
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var options = new EvaluationOptions { Methods = MethodSpec.ParseList("box,wiener:size=3") };
        var e = Assert.Throws<ArgumentException>(() => evaluator.Run(EvaluationDataset.Load(data.Root), options));
        Assert.Contains("wiener", e.Message);
        Assert.Contains("box, identity, shrink", e.Message);
        Assert.Equal(0, data.Reads);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_InvalidParameter_NamesIt()
    {
        var data = new SyntheticDataset();
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var e = Assert.Throws<ArgumentException>(() => evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("box:radius=9") }));
        Assert.Contains("radius", e.Message);
        Assert.Contains("[1, 5]", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_MissingReferenceFrame_ListsFramesOfTheScene()
    {
        var data = new SyntheticDataset(skipFrame: "F64");
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var e = Assert.Throws<InvalidInputException>(() => evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("box") }));
        Assert.Contains("scene-000", e.Message);
        Assert.Contains("F64", e.Message);
        Assert.Contains("F01, F32", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_MissingFileOnDisk_NamesFileAndFrame()
    {
        var data = new SyntheticDataset();
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment());
        var e = Assert.Throws<InvalidInputException>(() => evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("box") }));
        Assert.Contains("F64.tif", e.Message);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_OutputOfWrongSize_ThrowsNamingMethodAndSizes()
    {
        var data = new SyntheticDataset();
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var e = Assert.Throws<InvalidInputException>(() => evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("shrink") }));
        Assert.Contains("shrink", e.Message);
        Assert.Contains("383x288", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_FramesOfDifferentSizes_ThrowInvalidInput()
    {
        var data = new SyntheticDataset();
        var f01 = data.Images.Keys.First(k => k.EndsWith("F01.tif", StringComparison.Ordinal));
        data.Images[f01] = new GrayImage(100, 100);
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var e = Assert.Throws<InvalidInputException>(() => evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("box") }));
        Assert.Contains("100x100", e.Message);
        Assert.Contains("384x288", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_MatchIntensity_RemovesGainAndOffset_AndReportsThem()
    {
        var data = new SyntheticDataset();
        foreach (var key in data.Images.Keys.Where(k => k.EndsWith("F32.tif", StringComparison.Ordinal)).ToList())
        {
            data.Images[key] = new IntensityMatch(0.8, 0.1).Apply(data.Images[key]);
        }

        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var plain = evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("identity@F32"), Circles = false });
        var matched = evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("identity@F32"), Circles = false, MatchIntensity = true });
        Assert.True(matched.Result.Methods[1].Psnr > plain.Result.Methods[1].Psnr);
        var score = matched.Result.Items[0].Scores[1];
        Assert.InRange(score.Gain!.Value, 1.15, 1.3); // 1 / 0.8, slightly attenuated by the noise
        Assert.Null(plain.Result.Items[0].Scores[1].Gain);
        Assert.Null(plain.Result.Items[0].Scores[1].FailureRate);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Run_SplitAll_AndMaxItems_SelectScenes()
    {
        var data = new SyntheticDataset();
        var evaluator = new Evaluator(TestDenoisers.Create, new NoAlignment(), data.Read);
        var run = evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("identity"), Circles = false, MaxItems = 1 });
        Assert.Single(run.Result.Items);
        var e = Assert.Throws<InvalidInputException>(() =>
            evaluator.Run(EvaluationDataset.Load(data.Root), new EvaluationOptions { Methods = MethodSpec.ParseList("identity"), Split = "all" }));
        Assert.Contains("scene-train", e.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void ForGroundTruth_UsesGroundTruthRadii()
    {
        var options = CircleDetectorOptions.ForGroundTruth(new[] { new Circle(0, 0, 8), new Circle(0, 0, 12) }, 1);
        Assert.Equal(6, options.MinRadius);
        Assert.Equal(15, options.MaxRadius);
    }
}
