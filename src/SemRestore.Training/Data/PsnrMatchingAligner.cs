using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Registration;

namespace SemRestore.Training.Data;

/// <summary>Frame alignment by ReNIn's PSNR matching (exhaustive integer search; SPECS A3).</summary>
public sealed class PsnrMatchingAligner(PsnrMatchingOptions? options = null) : IFrameAligner
{
    private readonly PsnrMatchingOptions _options = options ?? PsnrMatchingOptions.Default;

    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"psnr-matching:window={_options.WindowSize},search={_options.SearchRadius},placement={_options.Placement}");

    public FrameOffset Estimate(GrayImage reference, GrayImage moving, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A small image cannot hold the default 256-px window plus the search; shrink the window to what fits.
        var fit = Math.Min(reference.Width, reference.Height) - 2 * _options.SearchRadius - 2;
        var options = fit < _options.WindowSize ? _options with { WindowSize = Math.Max(8, fit) } : _options;
        var result = PsnrMatching.Register(reference, moving, options);
        return new FrameOffset((int)Math.Round(result.Dx), (int)Math.Round(result.Dy));
    }
}
