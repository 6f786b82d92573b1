namespace SemRestore.Imaging;

/// <summary>
/// Input that is readable but unusable: a missing reference file, images of different sizes, a
/// dataset without the frames a command needs. The message names the file or item and the problem.
/// The CLI maps it to exit code 3, the web API to 400.
/// </summary>
public sealed class InvalidInputException(string message, Exception? inner = null) : Exception(message, inner);
