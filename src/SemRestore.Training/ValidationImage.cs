namespace SemRestore.Training;

/// <summary>
/// One validation image, both sides already normalised as the network sees them: the noisy input and the
/// reference (clean or a long average) normalised by the same rule (for min-max: each on its own, as ReNIn scores).
/// </summary>
public sealed record ValidationImage(string Name, int Width, int Height, float[] Input, float[] Reference);
