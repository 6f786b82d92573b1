using SemRestore.Imaging;

namespace SemRestore.Training.Data;

/// <summary>Estimates the integer offset of a frame against its scene's reference (for example by PSNR matching).</summary>
public interface IFrameAligner
{
    /// <summary>Short description for logs and the model card, for example <c>psnr-matching:search=40</c>.</summary>
    string Description { get; }

    /// <summary>The offset such that <paramref name="moving"/>(x + X, y + Y) matches <paramref name="reference"/>(x, y).</summary>
    FrameOffset Estimate(GrayImage reference, GrayImage moving, CancellationToken cancellationToken);
}
