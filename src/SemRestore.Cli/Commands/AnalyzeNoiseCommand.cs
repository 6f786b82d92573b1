using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SemRestore.Imaging.Io;
using SemRestore.Metrics.Evaluation;
using SemRestore.Metrics.Noise;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore analyze-noise NOISY CLEAN -o DIR</c>: registers CLEAN to NOISY (PSNR matching), optionally fits
/// gain and offset, and analyses the residual NOISY - CLEAN: correlation map over offsets -k..k (correlation.json,
/// correlation.csv, correlation.png heat map), histogram with Gaussian fit (histogram.csv, histogram.png) and the
/// sigma estimates (summary.json, also printed).
/// </summary>
public static class AnalyzeNoiseCommand
{
    public static Command Create()
    {
        var noisy = new Argument<string>("NOISY") { Description = "Noisy image." };
        var clean = new Argument<string>("CLEAN") { Description = "Clean reference of the same field of view and size." };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the results (created).", Required = true };
        var radius = new Option<int>("--radius") { Description = "k: correlation offsets -k..k in x and y (1..32).", DefaultValueFactory = _ => 5 };
        var bins = new Option<int>("--bins") { Description = "Histogram bins over mean +- 5 sigma (2..10000).", DefaultValueFactory = _ => 101 };
        var crop = new Option<string?>("--crop") { Description = "Analyse only X,Y,WIDTH,HEIGHT of both images (e.g. 1,1,510,440 drops the sem-real frame and data bar)." };
        var register = new Option<string>("--register") { Description = "Registration of CLEAN to NOISY: psnr (integer PSNR matching) or none.", DefaultValueFactory = _ => "psnr" };
        register.AcceptOnlyFromAmong("psnr", "none");
        var searchRadius = new Option<int>("--search-radius") { Description = "PSNR-matching search radius in pixels (shifts -R..R-1).", DefaultValueFactory = _ => 40 };
        var matchIntensity = new Option<bool>("--match-intensity") { Description = "Fit gain and offset of CLEAN to NOISY (least squares) before taking the residual." };

        var command = new Command("analyze-noise", "Correlation map, histogram and sigma estimate of the noise in NOISY given a CLEAN reference.");
        command.Arguments.Add(noisy);
        command.Arguments.Add(clean);
        foreach (var option in new Option[] { output, radius, bins, crop, register, searchRadius, matchIntensity })
        {
            command.Options.Add(option);
        }

        CliAction.Set(command, (parseResult, context) =>
        {
            var noisyPath = parseResult.GetValue(noisy)!;
            var cleanPath = parseResult.GetValue(clean)!;
            var directory = parseResult.GetValue(output)!;
            var k = parseResult.GetValue(radius);
            if (k is < 1 or > 32)
            {
                throw new CliUsageException($"--radius must be in [1, 32], got {k}.");
            }

            var binCount = parseResult.GetValue(bins);
            if (binCount is < 2 or > 10000)
            {
                throw new CliUsageException($"--bins must be in [2, 10000], got {binCount}.");
            }

            var region = parseResult.GetValue(crop) is { } cropText ? CropRegion.Parse(cropText) : (CropRegion?)null;
            var (noisyImage, cleanImage) = ImagePairInput.Read(noisyPath, cleanPath, region);
            IImageAligner aligner = parseResult.GetValue(register) == "psnr" ? new PsnrMatchingAligner(parseResult.GetValue(searchRadius)) : new NoAlignment();
            var alignment = aligner.Align(noisyImage, cleanImage, context.Cancellation);
            var (alignedNoisy, alignedClean) = aligner.Apply(noisyImage, cleanImage, alignment);
            IntensityMatch? fit = null;
            if (parseResult.GetValue(matchIntensity))
            {
                fit = IntensityMatch.Fit(alignedClean, alignedNoisy);
                alignedClean = fit.Value.Apply(alignedClean);
            }

            var analysis = NoiseAnalysis.Analyze(alignedNoisy, alignedClean, k, binCount, context.Cancellation);
            Directory.CreateDirectory(directory);
            WriteCorrelation(directory, analysis.Correlation);
            WriteHistogram(directory, analysis.Histogram);
            var summary = new Dictionary<string, object?>
            {
                ["noisy"] = Path.GetFullPath(noisyPath),
                ["clean"] = Path.GetFullPath(cleanPath),
                ["width"] = alignedNoisy.Width,
                ["height"] = alignedNoisy.Height,
                ["registration"] = aligner.Name,
                ["dx"] = alignment.Dx,
                ["dy"] = alignment.Dy,
                ["gain"] = fit?.Gain,
                ["offset"] = fit?.Offset,
                ["residualSigma"] = analysis.ResidualSigma,
                ["residualSigma8bit"] = analysis.ResidualSigma * 255,
                ["estimatedSigmaNoisy"] = analysis.EstimatedSigmaNoisy,
                ["estimatedSigmaClean"] = analysis.EstimatedSigmaClean,
                ["histogramMean"] = analysis.Histogram.Mean,
                ["histogramSigma"] = analysis.Histogram.Sigma,
                ["histogramTotalVariationDistance"] = analysis.Histogram.TotalVariationDistance,
                ["correlationX1"] = analysis.Correlation.At(1, 0),
                ["correlationY1"] = analysis.Correlation.At(0, 1),
            };
            var json = JsonSerializer.Serialize(summary, ReportWriter.JsonOptions);
            AtomicFile.WriteAllText(Path.Combine(directory, "summary.json"), json);
            context.Output.WriteLine(json);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteCorrelation(string directory, NoiseCorrelationMap map)
    {
        var rows = new List<double[]>();
        var csv = new StringBuilder("dy,dx,correlation\n");
        for (var dy = -map.Radius; dy <= map.Radius; dy++)
        {
            var row = new double[map.Size];
            for (var dx = -map.Radius; dx <= map.Radius; dx++)
            {
                row[dx + map.Radius] = map.At(dx, dy);
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{dy},{dx},{map.At(dx, dy):R}"));
            }

            rows.Add(row);
        }

        var json = new Dictionary<string, object> { ["radius"] = map.Radius, ["rowsAreDy"] = "map[dy + radius][dx + radius]", ["map"] = rows };
        AtomicFile.WriteAllText(Path.Combine(directory, "correlation.json"), JsonSerializer.Serialize(json, ReportWriter.JsonOptions));
        AtomicFile.WriteAllText(Path.Combine(directory, "correlation.csv"), csv.ToString());
        ReportFigures.WriteHeatMap(Path.Combine(directory, "correlation.png"), map);
    }

    private static void WriteHistogram(string directory, ResidualHistogram histogram)
    {
        var csv = new StringBuilder("bin_center,count,fitted_gaussian\n");
        for (var b = 0; b < histogram.Counts.Count; b++)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{histogram.BinCenter(b):R},{histogram.Counts[b]},{histogram.FittedCounts[b]:0.###}"));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, "histogram.csv"), csv.ToString());
        ReportFigures.WriteHistogram(Path.Combine(directory, "histogram.png"), histogram);
    }
}
