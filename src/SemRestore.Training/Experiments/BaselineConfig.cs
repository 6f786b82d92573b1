namespace SemRestore.Training.Experiments;

/// <summary>A classical baseline row: a denoiser spec (<c>median:size=11,passes=3</c>) run on an input frame.</summary>
public sealed class BaselineConfig
{
    public string Name { get; set; } = "";

    /// <summary>Denoiser spec from the classical registry; <c>none</c> scores the input frame itself.</summary>
    public string Method { get; set; } = "none";

    /// <summary>Input frame key (F01 by default; F32 for the paper's "median on F32" row).</summary>
    public string Input { get; set; } = "F01";
}
