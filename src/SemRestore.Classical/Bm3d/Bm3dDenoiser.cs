using SemRestore.Classical.Internal;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Bm3d;

/// <summary>
/// BM3D (Dabov, Foi, Katkovnik and Egiazarian 2007), both stages, for additive white Gaussian noise of known sigma.
/// </summary>
/// <remarks>
/// Stage 1: 8x8 blocks, groups of up to 16, hard threshold lambda_3D = 2.7 sigma. Stage 2 (steps = 2): groups of up to
/// 32 matched on the stage-1 estimate, empirical Wiener shrinkage |B|^2 / (|B|^2 + sigma^2). 2-D transform as published:
/// bior1.5 (3 levels, unit-norm basis rows) in stage 1, orthonormal 8x8 DCT-II in stage 2 (bior1.5 in stage 1 measured
/// +0.16 dB on skimage's coins and +0.07 on camera over the DCT there); orthonormal Walsh-Hadamard along the group
/// (group sizes are powers of 2), search window 39 x 39,
/// reference step 3, Kaiser window beta 2. Matching thresholds as published for sigma &lt;= 40: tau_match = 2500
/// (stage 1) and 400 (stage 2) on the mean squared block difference in 8-bit units; above 40, 5000 and 3500 as in
/// Lebrun's implementation. Block matching uses raw blocks (no lambda_2D pre-thresholding). The image is mirrored
/// (reflect) by 16 pixels on every side before filtering and cropped back.
/// </remarks>
[Denoiser("bm3d")]
public sealed class Bm3dDenoiser : IDenoiser
{
    /// <summary>lambda_3D of the hard-thresholding stage.</summary>
    public const float Lambda3D = 2.7f;

    /// <summary>Mirrored margin added on every side before filtering (also makes every image at least 8 pixels wide).</summary>
    private const int Margin = 16;

    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public Bm3dDenoiser(Bm3dOptions? options = null)
    {
        Options = options ?? new Bm3dOptions();
        Options.Validate();
    }

    /// <summary>The validated options this denoiser runs with.</summary>
    public Bm3dOptions Options { get; }

    /// <summary>The canonical spec with every option, e.g. what <see cref="DenoiserRegistry.Create(string)"/> accepts back.</summary>
    public string Description => Options.ToSpec();

    /// <summary>Registry factory: reads the options from a parsed spec.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown or out of range.</exception>
    public static Bm3dDenoiser FromSpec(NamedSpec spec) => new(Bm3dOptions.FromSpec(spec));

    /// <exception cref="InvalidInputException">The image holds NaN or infinity.</exception>
    public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default)
    {
        InputGuard.EnsureFinite(input, "bm3d");
        // Mirror a margin around the image (as Lebrun's implementation does) so border pixels get as many groups as inner ones.
        var width = input.Width + 2 * Margin;
        var height = input.Height + 2 * Margin;
        var noisy = Border.Pad(input.Pixels, input.Width, input.Height, Margin, Margin, width, BorderMode.Reflect);
        var sigma = (float)(Options.Sigma / 255.0);
        var high = Options.Sigma > 40;
        var result = Bm3dStage.Run(noisy, null, width, height, sigma, 16, high ? 5000 : 2500, Lambda3D, cancellationToken);
        if (Options.Steps == 2)
        {
            result = Bm3dStage.Run(noisy, result, width, height, sigma, 32, high ? 3500 : 400, Lambda3D, cancellationToken);
        }

        var output = input.CreateLike();
        for (var y = 0; y < input.Height; y++)
        {
            result.AsSpan((y + Margin) * width + Margin, input.Width).CopyTo(output.Row(y));
        }

        return output;
    }
}
