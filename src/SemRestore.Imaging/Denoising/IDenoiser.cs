namespace SemRestore.Imaging.Denoising;

/// <summary>
/// Maps a noisy image to a restored image of the same size. Classical filters and trained models
/// (through the Restorer) both implement it, so the CLI, the evaluator and the web app treat them alike.
/// </summary>
public interface IDenoiser
{
    /// <summary>The registry name with its options, for example <c>median:size=11,passes=3</c>.</summary>
    string Description { get; }

    /// <summary>Returns a new image of the same size; the input is not modified.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default);
}
