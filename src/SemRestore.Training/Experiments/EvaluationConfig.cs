namespace SemRestore.Training.Experiments;

/// <summary>How an experiment scores methods on the test scenes (ReNIn's protocol by default).</summary>
public sealed class EvaluationConfig
{
    /// <summary>Split evaluated (test).</summary>
    public string Split { get; set; } = "test";

    /// <summary>Reference frame (the paper scores against F64).</summary>
    public string Reference { get; set; } = "F64";

    /// <summary>Input frame of the trained models.</summary>
    public string Input { get; set; } = "F01";

    /// <summary>Restorer tile size.</summary>
    public int TileSize { get; set; } = 512;
}
