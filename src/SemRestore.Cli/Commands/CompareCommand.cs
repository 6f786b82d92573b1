using System.CommandLine;
using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Metrics;
using SemRestore.Metrics.Circles;
using SemRestore.Metrics.Evaluation;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore compare IMAGE REFERENCE [--data-range R] [--ssim wang|skimage] [--circles GT.json] [--crop X,Y,W,H]</c>:
/// prints PSNR, SSIM, MS-SSIM (null when a side is under 161 px) and, with ground-truth circles, the hole failure rate,
/// as one JSON object on stdout. Images are compared as read (values in [0, 1]); they must have the same size.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "Image under test (TIFF, PNG, PGM or PFM)." };
        var reference = new Argument<string>("REFERENCE") { Description = "Reference image of the same size." };
        var dataRange = new Option<double>("--data-range") { Description = "Data range R for PSNR and SSIM (images are read into [0, 1], so 1).", DefaultValueFactory = _ => 1.0 };
        var ssim = new Option<string>("--ssim") { Description = "SSIM variant: skimage (7x7 uniform, sample covariance; ReNIn) or wang (11x11 Gaussian sigma 1.5).", DefaultValueFactory = _ => "skimage" };
        ssim.AcceptOnlyFromAmong("skimage", "wang");
        var circles = new Option<string?>("--circles") { Description = "Ground-truth circles.json; adds the hole failure rate (detector radius range from the ground truth)." };
        var crop = new Option<string?>("--crop") { Description = "Compare only this region of both images, X,Y,WIDTH,HEIGHT (e.g. 1,1,510,440 drops a data bar)." };

        var command = new Command("compare", "Print PSNR, SSIM, MS-SSIM and optionally the circle failure rate of an image against a reference, as JSON.");
        command.Arguments.Add(image);
        command.Arguments.Add(reference);
        command.Options.Add(dataRange);
        command.Options.Add(ssim);
        command.Options.Add(circles);
        command.Options.Add(crop);
        CliAction.Set(command, (parseResult, context) =>
        {
            var imagePath = parseResult.GetValue(image)!;
            var referencePath = parseResult.GetValue(reference)!;
            var range = parseResult.GetValue(dataRange);
            var variant = parseResult.GetValue(ssim)!;
            var region = parseResult.GetValue(crop) is { } cropText ? CropRegion.Parse(cropText) : (CropRegion?)null;
            var circlesPath = parseResult.GetValue(circles);

            var (test, truthImage) = ImagePairInput.Read(imagePath, referencePath, region);
            var result = Compare(test, truthImage, range, variant, circlesPath, region, context.Cancellation);
            context.Output.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(ReportWriter.JsonOptions) { WriteIndented = false }));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The numbers compare prints.</summary>
    internal static Dictionary<string, object?> Compare(GrayImage image, GrayImage reference, double dataRange, string variant, string? circlesPath,
        CropRegion? region, CancellationToken cancellationToken)
    {
        var ssimOptions = SsimOptions.FromName(variant, dataRange);
        var result = new Dictionary<string, object?>
        {
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["dataRange"] = dataRange,
            ["psnr"] = PsnrMetric.Compute(image, reference, dataRange),
            ["ssim"] = SsimMetric.Compute(image, reference, ssimOptions, cancellationToken),
            ["ssimVariant"] = variant,
            ["msSsim"] = Math.Min(image.Width, image.Height) >= MsSsimMetric.MinimumSide ? MsSsimMetric.Compute(image, reference, dataRange, cancellationToken) : null,
        };
        if (circlesPath is not null)
        {
            var truth = CircleFile.Load(circlesPath).Select(c => c.Offset(region?.X ?? 0, region?.Y ?? 0)).ToList();
            var detected = HoughCircleDetector.Detect(image, CircleDetectorOptions.ForGroundTruth(truth, dataRange), cancellationToken);
            var match = FailureRate.Compute(detected, truth);
            result["failureRate"] = match.Percent;
            result["circlesFound"] = match.Found;
            result["circlesTotal"] = match.Total;
            result["circlesDetected"] = detected.Count;
        }

        return result;
    }
}
