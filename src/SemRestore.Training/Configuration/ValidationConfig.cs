namespace SemRestore.Training.Configuration;

/// <summary>The <c>validation:</c> section: how often and against what the model is scored while training.</summary>
public sealed class ValidationConfig
{
    /// <summary>Validate every this many steps (0: never; the last checkpoint is kept).</summary>
    public int Every { get; set; } = 500;

    /// <summary>Reference frame keys tried in order; the first one the validation scenes have is used.</summary>
    public List<string> Reference { get; set; } = ["clean", "F64"];

    /// <summary>Validation images are centre-cropped to at most this side, to bound the time a validation takes (0: whole image).</summary>
    public int MaxSize { get; set; } = 512;
}
