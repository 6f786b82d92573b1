using System.Diagnostics;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Io;
using SemRestore.Metrics.Circles;
using SemRestore.Metrics.Noise;

namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// Runs methods over a dataset and scores them against a reference frame, as the ReNIn paper's Tables 2 and 3.
/// Per scene: every needed frame and the reference are read (and cropped by <see cref="EvaluationOptions.Crop"/>),
/// each input frame is registered to the reference once; each method denoises its input frame, its output is cropped
/// with that frame's alignment, optionally intensity-matched, then PSNR, SSIM and circle FR are measured. Ground-truth
/// circles come from circles.json (moved into the aligned crop) or, without one, from detecting on the aligned
/// reference. Denoisers come from <c>createDenoiser</c> (the CLI composes the classical registry and trained models),
/// so Metrics depends on no denoiser project.
/// </summary>
public sealed class Evaluator
{
    private const string InputLabel = "input";
    private readonly Func<string, IDenoiser> _createDenoiser;
    private readonly IImageAligner _aligner;
    private readonly Func<string, GrayImage> _readImage;
    private readonly bool _checkFiles;

    /// <param name="createDenoiser">Builds a denoiser from a spec; throws ArgumentException for unknown names or bad parameters.</param>
    /// <param name="aligner">Registration of input frames to the reference.</param>
    /// <param name="readImage">Image reader (default <see cref="ImageIo.Read"/>).</param>
    public Evaluator(Func<string, IDenoiser> createDenoiser, IImageAligner aligner, Func<string, GrayImage>? readImage = null)
    {
        _createDenoiser = createDenoiser ?? throw new ArgumentNullException(nameof(createDenoiser));
        _aligner = aligner ?? throw new ArgumentNullException(nameof(aligner));
        _checkFiles = readImage is null;
        _readImage = readImage ?? (path => ImageIo.Read(path));
    }

    /// <summary>Evaluates every method on the selected scenes.</summary>
    /// <exception cref="ArgumentException">A method spec is unknown or has invalid parameters (raised before any image is read).</exception>
    /// <exception cref="InvalidInputException">A scene lacks a frame, a file is missing, or images do not match after registration.</exception>
    /// <exception cref="ImageFormatException">An image file cannot be decoded.</exception>
    public EvaluationRun Run(EvaluationDataset dataset, EvaluationOptions options, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var inputFrame = options.Input ?? dataset.DefaultInput;
        var referenceFrame = options.Reference ?? dataset.DefaultReference;

        // Build every denoiser first, so an unknown name or a bad parameter fails before minutes of work.
        var denoisers = new List<(MethodSpec Spec, IDenoiser Denoiser)>();
        foreach (var method in options.Methods)
        {
            denoisers.Add((method, _createDenoiser(method.Denoiser)));
        }

        var items = SelectItems(dataset, options);
        var results = new List<ItemResult>();
        var images = new List<ItemImages>();
        var steps = (long)items.Count * (denoisers.Count + 1);
        long done = 0;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var keepImages = images.Count < options.ReportImageItems;
            var (result, itemImages) = EvaluateItem(item, inputFrame, referenceFrame, denoisers, options, keepImages, () =>
            {
                done++;
                progress?.Report(new ProgressReport(done, steps, item.Name));
            }, cancellationToken);
            results.Add(result);
            if (itemImages is not null)
            {
                images.Add(itemImages);
            }
        }

        var labels = new List<(string Label, string Input)> { (InputLabel, inputFrame) };
        labels.AddRange(denoisers.Select(d => (d.Spec.Label, d.Spec.Input ?? inputFrame)));
        var kinds = results.GroupBy(r => r.Kind, StringComparer.Ordinal)
            .Select(g => new KindSummary(g.Key, g.Count(), Summarise(labels, g.ToList())))
            .ToList();
        var evaluation = new EvaluationResult(dataset.Root, dataset.Layout, inputFrame, referenceFrame, _aligner.Name, options.MatchIntensity,
            options.Ssim.Window == SsimWindow.Uniform ? "skimage" : "wang", options.DataRange, Summarise(labels, results), kinds, results);
        return new EvaluationRun(evaluation, images);
    }

    private static List<EvaluationItem> SelectItems(EvaluationDataset dataset, EvaluationOptions options)
    {
        IEnumerable<EvaluationItem> items = dataset.Items;
        var split = options.Split;
        if (split is null && dataset.Items.Any(i => string.Equals(i.Split, "test", StringComparison.OrdinalIgnoreCase)))
        {
            split = "test";
        }

        if (split is not null && !string.Equals(split, "all", StringComparison.OrdinalIgnoreCase))
        {
            items = items.Where(i => string.Equals(i.Split, split, StringComparison.OrdinalIgnoreCase));
        }

        var selected = items.Take(options.MaxItems ?? int.MaxValue).ToList();
        if (selected.Count == 0)
        {
            throw new InvalidInputException($"{dataset.Root}: no scene of split '{split}' to evaluate.");
        }

        return selected;
    }

    private (ItemResult, ItemImages?) EvaluateItem(EvaluationItem item, string inputFrame, string referenceFrame,
        List<(MethodSpec Spec, IDenoiser Denoiser)> denoisers, EvaluationOptions options, bool keepImages, Action step, CancellationToken cancellationToken)
    {
        var reference = ReadFrame(item, referenceFrame, options);
        var frames = new Dictionary<string, (GrayImage Raw, ImageAlignment Alignment, GrayImage Reference, GrayImage Moving)>(StringComparer.OrdinalIgnoreCase);
        foreach (var frame in new[] { inputFrame }.Concat(denoisers.Select(d => d.Spec.Input ?? inputFrame)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var raw = ReadFrame(item, frame, options);
            if (raw.Width != reference.Width || raw.Height != reference.Height)
            {
                throw new InvalidInputException(
                    $"{item.Name}: frame {frame} is {raw.Width}x{raw.Height} but the reference {referenceFrame} is {reference.Width}x{reference.Height}.");
            }

            var alignment = _aligner.Align(reference, raw, cancellationToken);
            var (alignedReference, alignedMoving) = _aligner.Apply(reference, raw, alignment);
            frames[frame] = (raw, alignment, alignedReference, alignedMoving);
        }

        var main = frames[inputFrame];
        var (truth, circleSource, detector) = options.Circles ? GroundTruth(item, referenceFrame, main.Reference, main.Alignment, options) : (null, "none", null);
        var scores = new List<MethodScore>();
        var crops = new List<(string, GrayImage)>();
        var cropRegion = ReportCrop(main.Reference, options.ReportCropSize);
        scores.Add(Score(InputLabel, inputFrame, main.Moving, main.Reference, 0, truth, detector, options, cancellationToken));
        if (keepImages)
        {
            crops.Add(($"input ({inputFrame})", cropRegion.Apply(main.Moving, item.Name)));
        }

        var residualInput = options.MatchIntensity ? IntensityMatch.Fit(main.Moving, main.Reference).Apply(main.Moving) : main.Moving;
        NoiseSummary? noise = null;
        NoiseCorrelationMap? correlation = null;
        var residual = NoiseAnalysis.Residual(residualInput, main.Reference);
        if (2 * options.CorrelationRadius < Math.Min(residual.Width, residual.Height) && HasVariance(residual))
        {
            correlation = NoiseCorrelationMap.Compute(residual, options.CorrelationRadius, cancellationToken);
            var sigma = ResidualHistogram.Compute(residual, 64).Sigma;
            noise = new NoiseSummary(sigma, correlation.At(1, 0), correlation.At(0, 1), correlation.Radius, correlation.Values.ToArray());
        }

        step();
        foreach (var (spec, denoiser) in denoisers)
        {
            var frame = frames[spec.Input ?? inputFrame];
            var clock = Stopwatch.StartNew();
            var output = denoiser.Denoise(frame.Raw, cancellationToken);
            var milliseconds = clock.Elapsed.TotalMilliseconds;
            if (output.Width != frame.Raw.Width || output.Height != frame.Raw.Height)
            {
                throw new InvalidInputException(
                    $"{item.Name}: method {spec.Label} returned a {output.Width}x{output.Height} image for a {frame.Raw.Width}x{frame.Raw.Height} input.");
            }

            var (alignedReference, alignedOutput) = _aligner.Apply(reference, output, frame.Alignment);
            if (alignedReference.Width != main.Reference.Width || alignedReference.Height != main.Reference.Height)
            {
                throw new InvalidInputException(
                    $"{item.Name}: after registration, frame {spec.Input} covers {alignedReference.Width}x{alignedReference.Height} but {inputFrame} covers {main.Reference.Width}x{main.Reference.Height}; the metrics need one region.");
            }

            scores.Add(Score(spec.Label, spec.Input ?? inputFrame, alignedOutput, alignedReference, milliseconds, truth, detector, options, cancellationToken));
            if (keepImages)
            {
                crops.Add((spec.Label, cropRegion.Apply(alignedOutput, item.Name)));
            }

            step();
        }

        if (keepImages)
        {
            crops.Add(($"reference ({referenceFrame})", cropRegion.Apply(main.Reference, item.Name)));
        }

        var alignments = frames.Select(f => new FrameAlignment(f.Key, f.Value.Alignment.Dx, f.Value.Alignment.Dy, f.Value.Alignment.Score)).ToList();
        var result = new ItemResult(item.Name, item.Kind, item.Split, main.Reference.Width, main.Reference.Height, truth?.Count ?? 0, circleSource,
            alignments, scores, noise);
        return (result, keepImages ? new ItemImages(item.Name, crops, correlation) : null);
    }

    private GrayImage ReadFrame(EvaluationItem item, string frame, EvaluationOptions options)
    {
        if (!item.Files.TryGetValue(frame, out var path))
        {
            throw new InvalidInputException($"{item.Name}: no frame '{frame}'; it has {string.Join(", ", item.Files.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
        }

        if (_checkFiles && !File.Exists(path))
        {
            throw new InvalidInputException($"{item.Name}: file {path} for frame {frame} is missing.");
        }

        var image = _readImage(path);
        return options.Crop is { } crop ? crop.Apply(image, $"{item.Name} {frame}") : image;
    }

    private static (IReadOnlyList<Circle>? Truth, string Source, CircleDetectorOptions? Detector) GroundTruth(
        EvaluationItem item, string referenceFrame, GrayImage alignedReference, ImageAlignment alignment, EvaluationOptions options)
    {
        if (item.CirclesPath is not null)
        {
            // circles.json is in clean-image pixels: move it into the reference frame, then into the cropped, aligned region.
            var (frameDx, frameDy) = item.OffsetOf(referenceFrame);
            var offsetX = alignment.OriginX + (options.Crop?.X ?? 0) - frameDx;
            var offsetY = alignment.OriginY + (options.Crop?.Y ?? 0) - frameDy;
            var inside = new List<Circle>();
            foreach (var circle in CircleFile.Load(item.CirclesPath))
            {
                var moved = circle.Offset(offsetX, offsetY);
                // Only holes wholly inside the evaluated region can be found there.
                if (moved.X - moved.Radius >= 0 && moved.Y - moved.Radius >= 0 &&
                    moved.X + moved.Radius <= alignedReference.Width - 1 && moved.Y + moved.Radius <= alignedReference.Height - 1)
                {
                    inside.Add(moved);
                }
            }

            var detector = options.CircleDetector ?? CircleDetectorOptions.ForGroundTruth(inside, options.DataRange);
            return (inside, "circles.json", detector);
        }

        var fromReference = options.CircleDetector ?? new CircleDetectorOptions { DataRange = options.DataRange };
        return (HoughCircleDetector.Detect(alignedReference, fromReference), "detected on reference", fromReference);
    }

    private static MethodScore Score(string label, string input, GrayImage image, GrayImage reference, double milliseconds,
        IReadOnlyList<Circle>? truth, CircleDetectorOptions? detector, EvaluationOptions options, CancellationToken cancellationToken)
    {
        double? gain = null, offset = null;
        if (options.MatchIntensity)
        {
            var fit = IntensityMatch.Fit(image, reference);
            image = fit.Apply(image);
            gain = fit.Gain;
            offset = fit.Offset;
        }

        var psnr = PsnrMetric.Compute(image, reference, options.DataRange);
        var ssim = SsimMetric.Compute(image, reference, options.Ssim with { DataRange = options.DataRange }, cancellationToken);
        double? failureRate = null;
        int? found = null, detected = null;
        if (truth is not null && detector is not null && truth.Count > 0)
        {
            var circles = HoughCircleDetector.Detect(image, detector, cancellationToken);
            var match = FailureRate.Compute(circles, truth);
            failureRate = match.Percent;
            found = match.Found;
            detected = circles.Count;
        }

        return new MethodScore(label, input, psnr, ssim, failureRate, found, detected, milliseconds, gain, offset);
    }

    private static List<MethodSummary> Summarise(List<(string Label, string Input)> labels, IReadOnlyList<ItemResult> items)
    {
        var summaries = new List<MethodSummary>();
        for (var m = 0; m < labels.Count; m++)
        {
            var rows = items.Select(i => i.Scores[m]).ToList();
            var rates = rows.Where(r => r.FailureRate is not null).Select(r => r.FailureRate!.Value).ToList();
            summaries.Add(new MethodSummary(labels[m].Label, labels[m].Input, rows.Average(r => r.Psnr), rows.Average(r => r.Ssim),
                rates.Count > 0 ? rates.Average() : null, rows.Average(r => r.Milliseconds)));
        }

        return summaries;
    }

    private static CropRegion ReportCrop(GrayImage image, int size)
    {
        var width = Math.Min(size, image.Width);
        var height = Math.Min(size, image.Height);
        return new CropRegion((image.Width - width) / 2, (image.Height - height) / 2, width, height);
    }

    private static bool HasVariance(GrayImage image)
    {
        var first = image.Pixels[0];
        foreach (var value in image.Pixels)
        {
            if (value != first)
            {
                return true;
            }
        }

        return false;
    }
}
