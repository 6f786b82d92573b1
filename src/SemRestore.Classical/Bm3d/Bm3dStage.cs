using System.Numerics;
using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;

namespace SemRestore.Classical.Bm3d;

/// <summary>
/// One BM3D stage (Dabov, Foi, Katkovnik and Egiazarian, "Image denoising by sparse 3-D transform-domain collaborative
/// filtering", IEEE TIP 2007): block matching, 3-D transform (8x8 bior1.5 or DCT, then Walsh-Hadamard along the group), shrinkage
/// (hard threshold, or empirical Wiener from a pilot estimate), inverse transform and Kaiser-weighted aggregation.
/// </summary>
/// <remarks>
/// Reference blocks sit every <see cref="Step"/> pixels in x and y, plus the last row and column so every pixel is
/// covered. Block matching searches a <see cref="SearchSize"/> x <see cref="SearchSize"/> window centred on the
/// reference with the squared distance of raw blocks; the reference is always first in its group, other blocks are
/// ranked by distance (earlier search offsets win ties), and the group keeps the largest power of 2 of the matches.
/// Reference rows are cut into stripes of 16 rows (48 pixels); blocks of one stripe reach at most 46 pixel rows beyond
/// it, so all even stripes aggregate in parallel without overlap, then all odd ones: the sum order per pixel is fixed
/// and the result does not depend on the number of threads.
/// </remarks>
internal static class Bm3dStage
{
    public const int Step = 3;
    public const int SearchSize = 39;
    private const int SearchRadius = SearchSize / 2;
    private const int StripeRows = 16;
    private const int Block = Bm3dTransforms.BlockSize;
    private const int Area = Bm3dTransforms.BlockArea;

    /// <summary>Runs the stage on a width x height image (both at least 8).</summary>
    /// <param name="noisy">The noisy image (row stride = width).</param>
    /// <param name="pilot">Null for the hard-threshold stage; the basic estimate for the Wiener stage (it also drives matching).</param>
    /// <param name="sigma">Noise sigma in image units.</param>
    /// <param name="maxGroup">16 (hard) or 32 (Wiener).</param>
    /// <param name="tauMatch">Distance threshold in 8-bit units on the per-pixel mean squared block difference.</param>
    /// <param name="lambda">Hard threshold factor (lambda_3D = 2.7).</param>
    public static float[] Run(float[] noisy, float[]? pilot, int width, int height, float sigma, int maxGroup, double tauMatch, float lambda,
        CancellationToken cancellationToken)
    {
        var matchSource = pilot ?? noisy;
        var matchStride = ((width + 7) & ~7) + 48;
        var match = new float[matchStride * height];
        for (var y = 0; y < height; y++)
        {
            matchSource.AsSpan(y * width, width).CopyTo(match.AsSpan(y * matchStride));
        }

        var refXs = ReferencePositions(width);
        var refYs = ReferencePositions(height);
        var numerator = new float[width * height];
        var denominator = new float[width * height];
        // Threshold on the sum over 64 pixels in [0, 1] units: tau * 64 / 255^2.
        var ssdThreshold = (float)(tauMatch * Area / (255.0 * 255.0));
        var stripes = (refYs.Length + StripeRows - 1) / StripeRows;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        for (var parity = 0; parity < 2; parity++)
        {
            var count = (stripes - parity + 1) / 2;
            Parallel.For(0, count, options, () => new Scratch(refXs.Length, maxGroup, matchStride), (k, _, scratch) =>
            {
                var stripe = 2 * k + parity;
                var end = Math.Min(refYs.Length, (stripe + 1) * StripeRows);
                for (var i = stripe * StripeRows; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    MatchRow(match, matchStride, width, height, refXs, refYs[i], maxGroup, ssdThreshold, scratch);
                    FilterRow(noisy, pilot, width, refXs, maxGroup, sigma, lambda, scratch, numerator, denominator);
                }

                return scratch;
            }, _ => { });
        }

        var result = new float[width * height];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = numerator[i] / denominator[i];
        }

        return result;
    }

    /// <summary>0, 3, 6, ... and always the last block position n - 8.</summary>
    internal static int[] ReferencePositions(int n)
    {
        var last = n - Block;
        var positions = new List<int>();
        for (var p = 0; p <= last; p += Step)
        {
            positions.Add(p);
        }

        if (positions[^1] != last)
        {
            positions.Add(last);
        }

        return positions.ToArray();
    }

    internal static void MatchRow(float[] match, int stride, int width, int height, int[] refXs, int refY, int maxGroup, float threshold, Scratch scratch)
    {
        var counts = scratch.Counts;
        var distances = scratch.Distances;
        var positions = scratch.Positions;
        for (var i = 0; i < refXs.Length; i++)
        {
            counts[i] = 1;
            distances[i * maxGroup] = 0;
            positions[i * maxGroup] = refY * width + refXs[i];
        }

        var columns = scratch.ColumnDistances;
        var boxes = scratch.BoxDistances;
        var yLow = Math.Max(0, refY - SearchRadius);
        var yHigh = Math.Min(height - Block, refY + SearchRadius);
        var referenceTop = refY * stride;
        for (var candidateY = yLow; candidateY <= yHigh; candidateY++)
        {
            var candidateTop = candidateY * stride;
            for (var dx = -SearchRadius; dx <= SearchRadius; dx++)
            {
                if (dx == 0 && candidateY == refY)
                {
                    continue;
                }

                // Column sums of squared differences between reference column x and candidate column x + dx.
                var xLow = Math.Max(0, -dx);
                var xHigh = Math.Min(width, width - dx);
                for (var x = xLow; x < xHigh; x += 8)
                {
                    var acc = Vector256<float>.Zero;
                    for (var r = 0; r < Block; r++)
                    {
                        var d = SimdMath.Load(match, referenceTop + r * stride + x) - SimdMath.Load(match, candidateTop + r * stride + x + dx);
                        acc = Vector256.FusedMultiplyAdd(d, d, acc);
                    }

                    SimdMath.Store(columns, x, acc);
                }

                for (var x = xLow; x + Block <= xHigh; x += 8)
                {
                    var box = SimdMath.Load(columns, x);
                    for (var c = 1; c < Block; c++)
                    {
                        box += SimdMath.Load(columns, x + c);
                    }

                    SimdMath.Store(boxes, x, box);
                }

                for (var i = 0; i < refXs.Length; i++)
                {
                    var refX = refXs[i];
                    var candidateX = refX + dx;
                    if ((uint)candidateX > (uint)(width - Block))
                    {
                        continue;
                    }

                    var distance = boxes[refX];
                    if (distance > threshold)
                    {
                        continue;
                    }

                    Insert(distances.AsSpan(i * maxGroup, maxGroup), positions.AsSpan(i * maxGroup, maxGroup), ref counts[i], distance,
                        candidateY * width + candidateX);
                }
            }
        }
    }

    /// <summary>Keeps the list sorted by distance; a new entry goes after equal ones; drops the worst when full.</summary>
    private static void Insert(Span<float> distances, Span<int> positions, ref int count, float distance, int position)
    {
        var capacity = distances.Length;
        if (count == capacity && distance >= distances[capacity - 1])
        {
            return;
        }

        var i = count == capacity ? capacity - 1 : count;
        while (i > 1 && distances[i - 1] > distance)
        {
            distances[i] = distances[i - 1];
            positions[i] = positions[i - 1];
            i--;
        }

        distances[i] = distance;
        positions[i] = position;
        if (count < capacity)
        {
            count++;
        }
    }

    private static void FilterRow(float[] noisy, float[]? pilot, int width, int[] refXs, int maxGroup, float sigma, float lambda,
        Scratch scratch, float[] numerator, float[] denominator)
    {
        var group = scratch.Group.AsSpan();
        var pilotGroup = scratch.PilotGroup.AsSpan();
        var block = scratch.Block.AsSpan();
        // Dabov et al.: bior1.5 blocks for hard thresholding (+0.16 dB over the DCT on coins), the DCT for the Wiener stage.
        var basis = pilot is null ? Bm3dBasis.Bior15 : Bm3dBasis.Dct;
        var threshold = Vector256.Create(lambda * sigma);
        var sigma2 = Vector256.Create(sigma * sigma);
        for (var i = 0; i < refXs.Length; i++)
        {
            var n = (int)BitOperations.RoundUpToPowerOf2((uint)scratch.Counts[i] + 1) / 2;
            var positions = scratch.Positions.AsSpan(i * maxGroup, n);
            for (var j = 0; j < n; j++)
            {
                Bm3dTransforms.Forward(basis, noisy, positions[j], width, group.Slice(j * Area, Area), block);
                if (pilot is not null)
                {
                    Bm3dTransforms.Forward(basis, pilot, positions[j], width, pilotGroup.Slice(j * Area, Area), block);
                }
            }

            var coefficients = group[..(n * Area)];
            Bm3dTransforms.Hadamard(coefficients, n);
            float weight;
            if (pilot is null)
            {
                var kept = 0;
                for (var k = 0; k < coefficients.Length; k += 8)
                {
                    var c = SimdMath.Load(coefficients, k);
                    var keep = Vector256.GreaterThan(Vector256.Abs(c), threshold);
                    SimdMath.Store(coefficients, k, c & keep);
                    kept += BitOperations.PopCount(keep.ExtractMostSignificantBits());
                }

                weight = 1f / Math.Max(kept, 1);
            }
            else
            {
                var pilotCoefficients = pilotGroup[..(n * Area)];
                Bm3dTransforms.Hadamard(pilotCoefficients, n);
                var energy = Vector256<float>.Zero;
                for (var k = 0; k < coefficients.Length; k += 8)
                {
                    var b = SimdMath.Load(pilotCoefficients, k);
                    var b2 = b * b;
                    var shrink = b2 / (b2 + sigma2);
                    SimdMath.Store(coefficients, k, SimdMath.Load(coefficients, k) * shrink);
                    energy = Vector256.FusedMultiplyAdd(shrink, shrink, energy);
                }

                var total = Vector256.Sum(energy);
                weight = total > 0 ? 1f / total : 1f;
            }

            Bm3dTransforms.Hadamard(coefficients, n);
            for (var j = 0; j < n; j++)
            {
                var values = coefficients.Slice(j * Area, Area);
                Bm3dTransforms.Inverse(basis, values, block);
                var origin = positions[j];
                for (var r = 0; r < Block; r++)
                {
                    var kaiser = Vector256.Create(weight) * SimdMath.Load(Bm3dTransforms.Kaiser, r * 8);
                    var o = origin + r * width;
                    SimdMath.Store(numerator, o, Vector256.FusedMultiplyAdd(kaiser, SimdMath.Load(values, r * 8), SimdMath.Load(numerator, o)));
                    SimdMath.Store(denominator, o, SimdMath.Load(denominator, o) + kaiser);
                }
            }
        }
    }

    internal sealed class Scratch(int references, int maxGroup, int stride)
    {
        public int[] Counts { get; } = new int[references];

        public float[] Distances { get; } = new float[references * maxGroup];

        public int[] Positions { get; } = new int[references * maxGroup];

        public float[] ColumnDistances { get; } = new float[stride + 16];

        public float[] BoxDistances { get; } = new float[stride + 16];

        public float[] Group { get; } = new float[maxGroup * Area];

        public float[] PilotGroup { get; } = new float[maxGroup * Area];

        public float[] Block { get; } = new float[Area];
    }
}
