namespace SemRestore.Imaging;

/// <summary>Progress of a long operation: <paramref name="Done"/> of <paramref name="Total"/> units (tiles, files, steps).</summary>
/// <param name="Done">Units finished so far.</param>
/// <param name="Total">Units in all (0 when unknown).</param>
/// <param name="Message">Optional short status, for example the current loss or file name.</param>
public readonly record struct ProgressReport(long Done, long Total, string? Message = null);
