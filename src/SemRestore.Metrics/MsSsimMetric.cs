using SemRestore.Imaging;

namespace SemRestore.Metrics;

/// <summary>
/// Multi-scale SSIM (Wang, Simoncelli and Bovik 2003) as pytorch-msssim computes it: 5 scales with weights
/// [0.0448, 0.2856, 0.3001, 0.2363, 0.1333]; at scales 1-4 the mean contrast-structure term (clamped at 0), then
/// both images are 2x2 average-pooled (padding size % 2 per axis, the zero padding counted in the average); at
/// scale 5 the mean SSIM (clamped at 0). MS-SSIM = prod_j cs_j^w_j * ssim_5^w_5. The window is the 11x11 Gaussian,
/// sigma 1.5, population covariance, averaged over the 'valid' region.
/// </summary>
public static class MsSsimMetric
{
    /// <summary>The standard scale weights.</summary>
    public static IReadOnlyList<double> Weights { get; } = new[] { 0.0448, 0.2856, 0.3001, 0.2363, 0.1333 };

    /// <summary>Smallest side accepted: more than (11 - 1) * 2^4 = 160 pixels, as pytorch-msssim asserts.</summary>
    public const int MinimumSide = 161;

    /// <summary>MS-SSIM of <paramref name="image"/> against <paramref name="reference"/>.</summary>
    /// <param name="dataRange">R, the dynamic range of the data (1 for [0, 1]).</param>
    /// <exception cref="ArgumentException">The images differ in size or a side is under <see cref="MinimumSide"/>.</exception>
    public static double Compute(GrayImage image, GrayImage reference, double dataRange = 1.0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(reference);
        reference.EnsureSameSize(image, "image and reference");
        if (Math.Min(image.Width, image.Height) < MinimumSide)
        {
            throw new ArgumentException(
                $"MS-SSIM needs both sides of at least {MinimumSide} pixels (5 scales of an 11x11 window), got {image.Width}x{image.Height}.", nameof(image));
        }

        var options = SsimOptions.Wang(dataRange);
        double product = 1;
        var x = image;
        var y = reference;
        for (var scale = 0; scale < Weights.Count; scale++)
        {
            var result = SsimMetric.Run(x, y, options, wantMap: false, cancellationToken);
            var last = scale == Weights.Count - 1;
            var term = Math.Max(last ? result.Mean : result.ContrastStructure, 0.0);
            product *= Math.Pow(term, Weights[scale]);
            if (!last)
            {
                x = AveragePool(x);
                y = AveragePool(y);
            }
        }

        return product;
    }

    /// <summary>2x2 average pooling, stride 2, zero padding of (size % 2) on each side, zeros counted (torch avg_pool2d defaults).</summary>
    internal static GrayImage AveragePool(GrayImage source)
    {
        var padX = source.Width % 2;
        var padY = source.Height % 2;
        var width = (source.Width + 2 * padX - 2) / 2 + 1;
        var height = (source.Height + 2 * padY - 2) / 2 + 1;
        var result = new GrayImage(width, height);
        var pixels = source.Pixels;
        for (var oy = 0; oy < height; oy++)
        {
            for (var ox = 0; ox < width; ox++)
            {
                double sum = 0;
                for (var dy = 0; dy < 2; dy++)
                {
                    var sy = 2 * oy - padY + dy;
                    if ((uint)sy >= (uint)source.Height)
                    {
                        continue;
                    }

                    for (var dx = 0; dx < 2; dx++)
                    {
                        var sx = 2 * ox - padX + dx;
                        if ((uint)sx < (uint)source.Width)
                        {
                            sum += pixels[sy * source.Width + sx];
                        }
                    }
                }

                result.Pixels[oy * width + ox] = (float)(sum / 4);
            }
        }

        return result;
    }
}
