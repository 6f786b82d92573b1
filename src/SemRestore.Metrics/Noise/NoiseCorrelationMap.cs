using System.Numerics.Tensors;
using SemRestore.Imaging;
using SemRestore.Metrics.Internal;

namespace SemRestore.Metrics.Noise;

/// <summary>
/// Spatial Pearson correlation of a residual (for example F01 - F64) with itself shifted by (dx, dy), for every
/// offset in [-Radius, Radius]^2 (the ReNIn paper's Fig. 11). Value at (0, 0) is 1; white noise gives ~0
/// elsewhere; SEM noise is correlated along the fast-scan (x) axis.
/// </summary>
public sealed class NoiseCorrelationMap
{
    private readonly double[] _values;

    private NoiseCorrelationMap(int radius, double[] values)
    {
        Radius = radius;
        _values = values;
    }

    /// <summary>k: offsets run over -k..k in x and y.</summary>
    public int Radius { get; }

    /// <summary>Side of the map, 2k + 1.</summary>
    public int Size => 2 * Radius + 1;

    /// <summary>Row-major values, row index dy + k, column dx + k.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Correlation for the offset (dx, dy), both in [-k, k].</summary>
    public double At(int dx, int dy)
    {
        if (Math.Abs(dx) > Radius || Math.Abs(dy) > Radius)
        {
            throw new ArgumentOutOfRangeException(nameof(dx), $"Offset ({dx}, {dy}) is outside the map radius {Radius}.");
        }

        return _values[(dy + Radius) * Size + dx + Radius];
    }

    /// <summary>
    /// corr(dx, dy) = cov(r(x, y), r(x + dx, y + dy)) / (sd sd') over all pixel pairs inside the image, each side with
    /// its own mean; sums in double (vectorised per row). Offsets run in parallel, each one sequentially, so the result
    /// is deterministic.
    /// </summary>
    /// <param name="residual">The residual image (any range).</param>
    /// <param name="radius">k, in [0, 64] and smaller than half of each side.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is out of range for the image.</exception>
    /// <exception cref="InvalidInputException">The residual is constant, so no correlation is defined.</exception>
    public static NoiseCorrelationMap Compute(GrayImage residual, int radius = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residual);
        if (radius < 0 || radius > 64 || 2 * radius >= residual.Width || 2 * radius >= residual.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius,
                $"The correlation radius must be in [0, 64] and below half the image side ({residual.Width}x{residual.Height}).");
        }

        var size = 2 * radius + 1;
        var values = new double[size * size];
        var pixels = residual.Pixels;
        var width = residual.Width;
        var height = residual.Height;
        var constant = false;
        // corr(-dx, -dy) pairs the same pixels as corr(dx, dy) with the roles swapped, so only the half with
        // (dy > 0) or (dy == 0 and dx >= 0) is computed and mirrored.
        var half = values.Length / 2 + 1;
        Parallel.For(0, half, new ParallelOptions { CancellationToken = cancellationToken }, () => new double[2 * width], (offsetIndex, _, scratch) =>
        {
            var index = values.Length - 1 - offsetIndex;
            var dy = index / size - radius;
            var dx = index % size - radius;
            var x0 = Math.Max(0, -dx);
            var x1 = Math.Min(width, width - dx);
            var y0 = Math.Max(0, -dy);
            var y1 = Math.Min(height, height - dy);
            var count = x1 - x0;
            var rowA = scratch.AsSpan(0, count);
            var rowB = scratch.AsSpan(width, count);
            double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
            for (var y = y0; y < y1; y++)
            {
                SpanMath.Widen(pixels.AsSpan(y * width + x0, count), rowA);
                SpanMath.Widen(pixels.AsSpan((y + dy) * width + x0 + dx, count), rowB);
                sa += TensorPrimitives.Sum<double>(rowA);
                sb += TensorPrimitives.Sum<double>(rowB);
                saa += TensorPrimitives.SumOfSquares<double>(rowA);
                sbb += TensorPrimitives.SumOfSquares<double>(rowB);
                sab += TensorPrimitives.Dot<double>(rowA, rowB);
            }

            var n = (double)count * (y1 - y0);
            var cov = sab / n - sa / n * (sb / n);
            var va = saa / n - sa / n * (sa / n);
            var vb = sbb / n - sb / n * (sb / n);
            if (!(va > 0) || !(vb > 0))
            {
                constant = true;
                return scratch;
            }

            values[index] = cov / Math.Sqrt(va * vb);
            values[values.Length - 1 - index] = values[index];
            return scratch;
        }, _ => { });

        if (constant)
        {
            throw new InvalidInputException("The residual is constant (the two images differ by a constant), so its correlation map is undefined.");
        }

        return new NoiseCorrelationMap(radius, values);
    }
}
