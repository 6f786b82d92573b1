namespace SemRestore.Training;

/// <summary>The loss or a gradient became NaN or infinite; the last good checkpoint was kept.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
