using SemRestore.Metrics.Circles;

namespace SemRestore.Metrics.Evaluation;

/// <summary>What <see cref="Evaluator"/> computes. Metrics use data range <see cref="DataRange"/> (images in [0, 1]: 1).</summary>
public sealed record EvaluationOptions
{
    /// <summary>Methods to evaluate, in report order (the unprocessed input is always the first row).</summary>
    public required IReadOnlyList<MethodSpec> Methods { get; init; }

    /// <summary>Default input frame; null: F01 for manifests, noisy for pairs.</summary>
    public string? Input { get; init; }

    /// <summary>Reference frame; null: F64 for manifests, clean for pairs.</summary>
    public string? Reference { get; init; }

    /// <summary>Scenes of this split only; null: "test" when the dataset has test scenes, else all; "all": every scene.</summary>
    public string? Split { get; init; }

    /// <summary>At most this many scenes (in dataset order); null: all.</summary>
    public int? MaxItems { get; init; }

    /// <summary>Region kept from every image before registration (drops a data bar); null: whole image.</summary>
    public CropRegion? Crop { get; init; }

    /// <summary>Fit gain and offset of each image to the reference (least squares) before the metrics.</summary>
    public bool MatchIntensity { get; init; }

    /// <summary>Data range for PSNR and SSIM.</summary>
    public double DataRange { get; init; } = 1.0;

    /// <summary>SSIM variant; default scikit-image's (what the ReNIn tables use).</summary>
    public SsimOptions Ssim { get; init; } = SsimOptions.SkimageDefault(1.0);

    /// <summary>Compute circle failure rates.</summary>
    public bool Circles { get; init; } = true;

    /// <summary>Detector options; null: defaults, with the radius range taken from the ground truth when circles.json gives it.</summary>
    public CircleDetectorOptions? CircleDetector { get; init; }

    /// <summary>Radius k of the noise correlation map (offsets -k..k).</summary>
    public int CorrelationRadius { get; init; } = 5;

    /// <summary>Scenes (first ones) whose crops are kept for the report images.</summary>
    public int ReportImageItems { get; init; } = 3;

    /// <summary>Side of the square report crops, pixels.</summary>
    public int ReportCropSize { get; init; } = 192;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        if (Methods is null)
        {
            throw new ArgumentNullException(nameof(Methods));
        }

        PsnrMetric.ValidateDataRange(DataRange);
        Ssim.Validate();
        CircleDetector?.Validate();
        if (MaxItems is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxItems), MaxItems, "The scene limit must be at least 1.");
        }

        if (CorrelationRadius is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(CorrelationRadius), CorrelationRadius, "The correlation radius must be in [1, 32].");
        }

        if (ReportImageItems < 0 || ReportCropSize is < 16 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(ReportCropSize), "Report images: at least 0 scenes and a crop size in [16, 4096].");
        }
    }
}
