namespace SemRestore.Metrics.Internal;

/// <summary>
/// The SSIM map with a separable window, all statistics in double. For each output row the five local moments
/// (E[x], E[y], E[x^2], E[y^2], E[xy]) are filtered vertically over the window's rows (reflected at the top and
/// bottom), the row is padded by reflection and filtered horizontally. Rows run in parallel; each row's partial
/// sums are kept and added in row order, so results do not depend on the thread count.
/// </summary>
internal static class SsimKernel
{
    private const int Moments = 5;

    public static SsimResult Compute(float[] x, float[] y, int width, int height, double[] weights, double covarianceScale,
        double c1, double c2, bool wantMap, CancellationToken cancellationToken)
    {
        var radius = weights.Length / 2;
        var paddedWidth = width + 2 * radius;
        var map = wantMap ? new float[(long)width * height] : null;
        var ssimRowSums = new double[height];
        var csRowSums = new double[height];
        var options = new ParallelOptions { CancellationToken = cancellationToken };

        Parallel.For(0, height, options, () => new Scratch(width, paddedWidth), (row, _, scratch) =>
        {
            FilterRow(x, y, width, height, row, weights, radius, scratch);
            double ssimSum = 0, csSum = 0;
            var inside = row >= radius && row < height - radius;
            var h = scratch.Horizontal;
            var mapOffset = (long)row * width;
            for (var i = 0; i < width; i++)
            {
                var ux = h[0][i];
                var uy = h[1][i];
                var vx = covarianceScale * (h[2][i] - ux * ux);
                var vy = covarianceScale * (h[3][i] - uy * uy);
                var vxy = covarianceScale * (h[4][i] - ux * uy);
                var cs = (2 * vxy + c2) / (vx + vy + c2);
                var s = (2 * ux * uy + c1) / (ux * ux + uy * uy + c1) * cs;
                if (map is not null)
                {
                    map[mapOffset + i] = (float)s;
                }

                if (inside && i >= radius && i < width - radius)
                {
                    ssimSum += s;
                    csSum += cs;
                }
            }

            ssimRowSums[row] = ssimSum;
            csRowSums[row] = csSum;
            return scratch;
        }, _ => { });

        double ssimTotal = 0, csTotal = 0;
        for (var row = 0; row < height; row++)
        {
            ssimTotal += ssimRowSums[row];
            csTotal += csRowSums[row];
        }

        var count = (double)(width - 2 * radius) * (height - 2 * radius);
        return new SsimResult(ssimTotal / count, csTotal / count, map);
    }

    private static void FilterRow(float[] x, float[] y, int width, int height, int row, double[] weights, int radius, Scratch scratch)
    {
        var vertical = scratch.Vertical;
        for (var m = 0; m < Moments; m++)
        {
            vertical[m].AsSpan().Clear();
        }

        var dx = scratch.RowX.AsSpan();
        var dy = scratch.RowY.AsSpan();
        var product = scratch.Product.AsSpan();
        for (var tap = 0; tap < weights.Length; tap++)
        {
            var source = BorderIndex.Reflect(row - radius + tap, height);
            SpanMath.Widen(x.AsSpan(source * width, width), dx);
            SpanMath.Widen(y.AsSpan(source * width, width), dy);
            var w = weights[tap];
            SpanMath.AddScaled(dx, w, vertical[0].AsSpan(radius, width));
            SpanMath.AddScaled(dy, w, vertical[1].AsSpan(radius, width));
            System.Numerics.Tensors.TensorPrimitives.Multiply(dx, dx, product);
            SpanMath.AddScaled(product, w, vertical[2].AsSpan(radius, width));
            System.Numerics.Tensors.TensorPrimitives.Multiply(dy, dy, product);
            SpanMath.AddScaled(product, w, vertical[3].AsSpan(radius, width));
            System.Numerics.Tensors.TensorPrimitives.Multiply(dx, dy, product);
            SpanMath.AddScaled(product, w, vertical[4].AsSpan(radius, width));
        }

        for (var m = 0; m < Moments; m++)
        {
            var padded = vertical[m];
            for (var i = 1; i <= radius; i++)
            {
                padded[radius - i] = padded[radius + BorderIndex.Reflect(-i, width)];
                padded[radius + width - 1 + i] = padded[radius + BorderIndex.Reflect(width - 1 + i, width)];
            }

            var horizontal = scratch.Horizontal[m].AsSpan();
            horizontal.Clear();
            for (var tap = 0; tap < weights.Length; tap++)
            {
                SpanMath.AddScaled(padded.AsSpan(tap, width), weights[tap], horizontal);
            }
        }
    }

    private sealed class Scratch
    {
        public Scratch(int width, int paddedWidth)
        {
            RowX = new double[width];
            RowY = new double[width];
            Product = new double[width];
            Vertical = new double[Moments][];
            Horizontal = new double[Moments][];
            for (var m = 0; m < Moments; m++)
            {
                Vertical[m] = new double[paddedWidth];
                Horizontal[m] = new double[width];
            }
        }

        public double[] RowX { get; }

        public double[] RowY { get; }

        public double[] Product { get; }

        public double[][] Vertical { get; }

        public double[][] Horizontal { get; }
    }
}
