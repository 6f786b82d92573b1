using SemRestore.Imaging;

namespace SemRestore.Metrics.Evaluation;

/// <summary>The numbers of an evaluation plus the image crops the report shows.</summary>
/// <param name="Result">Everything measured.</param>
/// <param name="Images">Crops for the first scenes: input, each output and the reference, all of one region.</param>
public sealed record EvaluationRun(EvaluationResult Result, IReadOnlyList<ItemImages> Images);

/// <summary>Report crops of one scene.</summary>
/// <param name="Item">Scene name.</param>
/// <param name="Crops">(label, crop) pairs: the input first, then each method, then "reference".</param>
/// <param name="Correlation">Noise correlation map of the input residual, or null.</param>
public sealed record ItemImages(string Item, IReadOnlyList<(string Label, GrayImage Crop)> Crops, Noise.NoiseCorrelationMap? Correlation);
