using System.CommandLine;
using System.Text;
using SemRestore.Classical;
using SemRestore.Imaging.Denoising;
using SemRestore.Metrics;
using SemRestore.Metrics.Circles;
using SemRestore.Metrics.Evaluation;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore eval --dataset DIR -o OUT --methods LIST</c>: scores denoisers against a reference frame on a synthesis
/// dataset (manifest.json) or a folder of real noisy/clean pairs and writes report.md, report.html, results.json,
/// results.csv and images/. Methods are registered denoiser specs or trained models (model:DIR), each optionally followed by @FRAME for its own
/// input; list them with repeated <c>--method SPEC</c> (no splitting at all) or in one <c>--methods</c> value, split on
/// ';' when it has one, else on the commas that do not start a key=value parameter.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset folder: a synthesis manifest.json, or real pairs named *_noisy_* / *_clean_*.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Report folder (created).", Required = true };
        var input = new Option<string?>("--input") { Description = "Input frame (default F01; 'noisy' for pair folders)." };
        var reference = new Option<string?>("--reference") { Description = "Reference frame (default F64; 'clean' for pair folders)." };
        var methods = new Option<string?>("--methods") { Description = "Methods, e.g. \"median:size=11,passes=3@F32,bm3d:sigma=25,nlm\" (split on ';' if present, else before each name)." };
        var method = new Option<string[]>("--method") { Description = "One method spec (repeatable; taken verbatim, commas included).", AllowMultipleArgumentsPerToken = false };
        var split = new Option<string?>("--split") { Description = "Scenes of this split (train, validation, test, all); default test when the dataset has a test split." };
        var maxImages = new Option<int?>("--max-images") { Description = "Evaluate at most this many scenes." };
        var crop = new Option<string?>("--crop") { Description = "Keep X,Y,WIDTH,HEIGHT of every image before registration (drops a data bar; sem-real: 1,1,510,440)." };
        var matchIntensity = new Option<bool>("--match-intensity") { Description = "Fit gain and offset of each output to the reference (least squares) before the metrics; the fit is reported." };
        var register = new Option<string>("--register") { Description = "Registration of each input frame to the reference: psnr (integer PSNR matching, crops SearchRadius + 1 px per side) or none.", DefaultValueFactory = _ => "psnr" };
        register.AcceptOnlyFromAmong("psnr", "none");
        var searchRadius = new Option<int>("--search-radius") { Description = "PSNR-matching search radius (shifts -R..R-1), 1..1024.", DefaultValueFactory = _ => 40 };
        var ssimOverride = new Option<bool>("--ssim-override") { Description = "Let SSIM overrule PSNR during registration as the ReNIn code does ((2R)^2 SSIM evaluations per frame)." };
        var ssim = new Option<string>("--ssim") { Description = "SSIM variant: skimage (ReNIn tables) or wang.", DefaultValueFactory = _ => "skimage" };
        ssim.AcceptOnlyFromAmong("skimage", "wang");
        var noCircles = new Option<bool>("--no-circles") { Description = "Skip circle detection and failure rates." };
        var minRadius = new Option<int?>("--circle-min-radius") { Description = "Detector minimum radius, px (default from circles.json: 0.75 min r; else 5)." };
        var maxRadius = new Option<int?>("--circle-max-radius") { Description = "Detector maximum radius, px (default from circles.json: 1.25 max r; else 30)." };
        var edgeThreshold = new Option<double?>("--circle-edge-threshold") { Description = "Canny high threshold in 8-bit L1 Sobel units (cv2 param1; default 100)." };
        var votes = new Option<int?>("--circle-votes") { Description = "Accumulator threshold (cv2 param2; default 20)." };
        var noisyToken = new Option<string>("--noisy-token") { Description = "File-name token of noisy images in a pair folder.", DefaultValueFactory = _ => "_noisy_" };
        var cleanToken = new Option<string>("--clean-token") { Description = "File-name token of clean images in a pair folder.", DefaultValueFactory = _ => "_clean_" };
        var reportImages = new Option<int>("--report-images") { Description = "Scenes whose crops appear in the report.", DefaultValueFactory = _ => 3 };

        var command = new Command("eval", "Evaluate denoisers on a dataset: PSNR, SSIM, circle failure rate and time per image and on average, as Markdown/HTML/JSON/CSV.");
        foreach (var option in new Option[] { dataset, output, input, reference, methods, method, split, maxImages, crop, matchIntensity, register, searchRadius, ssimOverride, ssim, noCircles, minRadius, maxRadius, edgeThreshold, votes, noisyToken, cleanToken, reportImages })
        {
            command.Options.Add(option);
        }

        CliAction.Set(command, (parseResult, context) =>
        {
            var specs = new List<MethodSpec>();
            if (parseResult.GetValue(methods) is { } list)
            {
                specs.AddRange(MethodSpec.ParseList(list));
            }

            specs.AddRange((parseResult.GetValue(method) ?? Array.Empty<string>()).Select(MethodSpec.Parse));
            if (specs.Count == 0)
            {
                throw new CliUsageException($"give at least one method with --methods or --method; registered denoisers: {string.Join(", ", DenoiserRegistry.Names)}.");
            }

            var radius = parseResult.GetValue(searchRadius);
            if (radius is < 1 or > 1024)
            {
                throw new CliUsageException($"--search-radius must be in [1, 1024], got {radius}.");
            }

            CircleDetectorOptions? detector = null;
            if (parseResult.GetValue(minRadius) is not null || parseResult.GetValue(maxRadius) is not null ||
                parseResult.GetValue(edgeThreshold) is not null || parseResult.GetValue(votes) is not null)
            {
                var defaults = new CircleDetectorOptions();
                detector = new CircleDetectorOptions
                {
                    MinRadius = parseResult.GetValue(minRadius) ?? defaults.MinRadius,
                    MaxRadius = parseResult.GetValue(maxRadius) ?? defaults.MaxRadius,
                    EdgeThreshold = parseResult.GetValue(edgeThreshold) ?? defaults.EdgeThreshold,
                    AccumulatorThreshold = parseResult.GetValue(votes) ?? defaults.AccumulatorThreshold,
                };
                detector = detector with { MinDistance = Math.Max(2, 0.8 * detector.MinRadius) };
            }

            var options = new EvaluationOptions
            {
                Methods = specs,
                Input = parseResult.GetValue(input),
                Reference = parseResult.GetValue(reference),
                Split = parseResult.GetValue(split),
                MaxItems = parseResult.GetValue(maxImages),
                Crop = parseResult.GetValue(crop) is { } cropText ? CropRegion.Parse(cropText) : null,
                MatchIntensity = parseResult.GetValue(matchIntensity),
                Ssim = SsimOptions.FromName(parseResult.GetValue(ssim)!),
                Circles = !parseResult.GetValue(noCircles),
                CircleDetector = detector,
                ReportImageItems = parseResult.GetValue(reportImages),
            };
            IImageAligner aligner = parseResult.GetValue(register) == "psnr"
                ? new PsnrMatchingAligner(radius, parseResult.GetValue(ssimOverride))
                : new NoAlignment();
            var data = EvaluationDataset.Load(parseResult.GetValue(dataset)!, parseResult.GetValue(noisyToken)!, parseResult.GetValue(cleanToken)!);
            var evaluator = new Evaluator(CreateDenoiser, aligner);
            EvaluationRun run;
            using (var progress = context.CreateProgressBar("eval"))
            {
                run = evaluator.Run(data, options, progress, context.Cancellation);
            }

            var directory = parseResult.GetValue(output)!;
            var written = ReportWriter.Write(directory, run);
            context.Output.Write(Summary(run.Result));
            context.Output.WriteLine($"wrote {written.Count} files to {Path.GetFullPath(directory)} (report.md, report.html, results.json, results.csv, images/)");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The denoisers eval can run: <c>model:DIR</c> loads a trained model folder (model.json + model.safetensors from
    /// 'semrestore train') as a <see cref="SemRestore.Training.Restorer"/>; anything else is a classical registry spec.
    /// </summary>
    internal static IDenoiser CreateDenoiser(string spec)
    {
        const string modelPrefix = "model:";
        if (spec.StartsWith(modelPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var directory = spec[modelPrefix.Length..].Trim();
            if (directory.Length == 0)
            {
                throw new CliUsageException("'model:' needs a model folder, for example model:runs/renin-unet.");
            }

            return SemRestore.Training.Restorer.Load(directory);
        }

        return DenoiserRegistry.Create(spec);
    }

    private static string Summary(EvaluationResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"{result.Items.Count} scenes, input {result.Input}, reference {result.Reference}");
        text.AppendLine($"{"method",-40} {"input",-8} {"PSNR",8} {"SSIM",8} {"FR %",7} {"ms",9}");
        foreach (var m in result.Methods)
        {
            text.AppendLine(FormattableString.Invariant(
                $"{m.Label,-40} {m.Input,-8} {m.Psnr,8:0.00} {m.Ssim,8:0.0000} {(m.FailureRate is { } fr ? fr.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-"),7} {m.Milliseconds,9:0}"));
        }

        return text.ToString();
    }
}
