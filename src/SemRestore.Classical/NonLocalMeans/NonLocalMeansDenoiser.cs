using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.NonLocalMeans;

/// <summary>
/// Non-local means (Buades, Coll and Morel 2005) as cv2.fastNlMeansDenoising defines it: for every pixel p and every
/// q in the search window, d2 = mean over the template of (255 I(p+t) - 255 I(q+t))^2, w = exp(-d2 / h^2), set to 0
/// below 0.001 (OpenCV's WEIGHT_THRESHOLD), the centre included with weight 1; out(p) = sum w I(q) / sum w.
/// Borders are BORDER_REFLECT_101. OpenCV quantises d2 to a lookup table and rounds to 8 bits; this computes in float.
/// </summary>
/// <remarks>
/// Per search offset the squared-difference image of a tile is box-filtered with running column sums, 8 lanes at a
/// time, so the cost per pixel and offset is constant in the template size. Tiles run in parallel and each output
/// pixel's sum runs over offsets in a fixed order, so results do not depend on the thread count.
/// </remarks>
[Denoiser("nlm")]
public sealed class NonLocalMeansDenoiser : IDenoiser
{
    private const int TileWidth = 128;
    private const int TileHeight = 32;
    private const float WeightThreshold = 0.001f;

    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public NonLocalMeansDenoiser(NonLocalMeansOptions? options = null)
    {
        Options = options ?? new NonLocalMeansOptions();
        Options.Validate();
    }

    /// <summary>The validated options this denoiser runs with.</summary>
    public NonLocalMeansOptions Options { get; }

    /// <summary>The canonical spec with every option, e.g. what <see cref="DenoiserRegistry.Create(string)"/> accepts back.</summary>
    public string Description => Options.ToSpec();

    /// <summary>Registry factory: reads the options from a parsed spec.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown or out of range.</exception>
    public static NonLocalMeansDenoiser FromSpec(NamedSpec spec) => new(NonLocalMeansOptions.FromSpec(spec));

    /// <exception cref="InvalidInputException">The image holds NaN or infinity.</exception>
    public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default)
    {
        InputGuard.EnsureFinite(input, "nlm");
        var output = input.CreateLike();
        int width = input.Width, height = input.Height;
        var templateRadius = Options.TemplateSize / 2;
        var searchRadius = Options.SearchSize / 2;
        var pad = templateRadius + searchRadius;
        var stride = Border.PaddedStride(width, pad) + TileWidth;
        var padded = Border.Pad(input.Pixels, width, height, pad, pad, stride, BorderMode.Reflect);
        var h = Options.H / 255.0;
        var scale = Vector256.Create((float)(-1.0 / (Options.TemplateSize * Options.TemplateSize * h * h)));
        var threshold = Vector256.Create(WeightThreshold);
        var tilesX = (width + TileWidth - 1) / TileWidth;
        var tilesY = (height + TileHeight - 1) / TileHeight;
        var template = Options.TemplateSize;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, tilesX * tilesY, options, () => new TileScratch(template), (tile, _, scratch) =>
        {
            var x0 = tile % tilesX * TileWidth;
            var y0 = tile / tilesX * TileHeight;
            var tileHeight = Math.Min(TileHeight, height - y0);
            var tileWidth = Math.Min(TileWidth, width - x0);
            var numerator = scratch.Numerator;
            var denominator = scratch.Denominator;
            Array.Clear(numerator);
            Array.Clear(denominator);
            var differences = scratch.Differences;
            var columnSums = scratch.ColumnSums;
            const int dStride = TileScratch.DifferenceStride;
            for (var dy = -searchRadius; dy <= searchRadius; dy++)
            {
                for (var dx = -searchRadius; dx <= searchRadius; dx++)
                {
                    // Squared differences for the tile grown by the template radius; padded row of output row y,
                    // template row t: y0 + y + searchRadius + t (t = 0 .. template-1).
                    for (var r = 0; r < tileHeight + template - 1; r++)
                    {
                        var a = (y0 + r + searchRadius) * stride + x0 + searchRadius;
                        var b = a + dy * stride + dx;
                        var d = r * dStride;
                        for (var x = 0; x < tileWidth + template - 1; x += 8)
                        {
                            var difference = SimdMath.Load(padded, a + x) - SimdMath.Load(padded, b + x);
                            SimdMath.Store(differences, d + x, difference * difference);
                        }
                    }

                    for (var x = 0; x < tileWidth + template - 1; x += 8)
                    {
                        var sum = Vector256<float>.Zero;
                        for (var t = 0; t < template; t++)
                        {
                            sum += SimdMath.Load(differences, t * dStride + x);
                        }

                        SimdMath.Store(columnSums, x, sum);
                    }

                    for (var y = 0; y < tileHeight; y++)
                    {
                        if (y > 0)
                        {
                            var enter = (y + template - 1) * dStride;
                            var leave = (y - 1) * dStride;
                            for (var x = 0; x < tileWidth + template - 1; x += 8)
                            {
                                SimdMath.Store(columnSums, x,
                                    SimdMath.Load(columnSums, x) + SimdMath.Load(differences, enter + x) - SimdMath.Load(differences, leave + x));
                            }
                        }

                        var q = (y0 + y + pad + dy) * stride + x0 + pad + dx;
                        var o = y * TileWidth;
                        for (var x = 0; x < tileWidth; x += 8)
                        {
                            var box = SimdMath.Load(columnSums, x);
                            for (var t = 1; t < template; t++)
                            {
                                box += SimdMath.Load(columnSums, x + t);
                            }

                            var weight = SimdMath.Exp(box * scale);
                            weight = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(weight, threshold), weight, Vector256<float>.Zero);
                            SimdMath.Store(numerator, o + x, Vector256.FusedMultiplyAdd(weight, SimdMath.Load(padded, q + x), SimdMath.Load(numerator, o + x)));
                            SimdMath.Store(denominator, o + x, SimdMath.Load(denominator, o + x) + weight);
                        }
                    }
                }
            }

            for (var y = 0; y < tileHeight; y++)
            {
                var target = output.Row(y0 + y).Slice(x0, tileWidth);
                for (var x = 0; x < tileWidth; x++)
                {
                    target[x] = numerator[y * TileWidth + x] / denominator[y * TileWidth + x];
                }
            }

            return scratch;
        }, _ => { });
        return output;
    }

    private sealed class TileScratch(int template)
    {
        /// <summary>Row stride of the difference tile: tile width + template - 1 rounded up, plus spare lanes for the box loads.</summary>
        public const int DifferenceStride = TileWidth + 48;

        public float[] Differences { get; } = new float[(TileHeight + template) * DifferenceStride];

        public float[] ColumnSums { get; } = new float[DifferenceStride + 48];

        public float[] Numerator { get; } = new float[TileWidth * TileHeight + 8];

        public float[] Denominator { get; } = new float[TileWidth * TileHeight + 8];
    }
}
