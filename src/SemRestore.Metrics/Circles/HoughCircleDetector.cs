using SemRestore.Imaging;

namespace SemRestore.Metrics.Circles;

/// <summary>
/// Hough-gradient circle detector in the manner of cv2.HoughCircles(HOUGH_GRADIENT, dp=1):
/// 1. Sobel gradients (3x3, replicated border) of the image scaled so the data range maps to 255;
/// 2. Canny edges: L1 magnitude, non-maximum suppression in 4 directions, hysteresis between
///    <see cref="CircleDetectorOptions.EdgeThreshold"/> and half of it;
/// 3. every edge point votes for centres along its gradient direction, both ways, at every radius in
///    [MinRadius, MaxRadius];
/// 4. centres are accumulator local maxima above <see cref="CircleDetectorOptions.AccumulatorThreshold"/>, taken by
///    votes (ties by position), refined to the 3x3 vote centroid;
/// 5. each centre's radius is the peak of the histogram of edge-point distances (1-px bins, 3-bin window,
///    normalised by r); it is kept when at least AccumulatorThreshold edge points and MinEdgeSupport of the
///    circumference support it, and no kept circle lies within MinDistance; centre and radius are then refined by a
///    least-squares circle fit to the supporting edge points.
/// Works on float images of any source bit depth (values in units of the data range). Deterministic.
/// </summary>
public static class HoughCircleDetector
{
    /// <summary>Detects circles; the result is ordered by decreasing accumulator votes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IReadOnlyList<Circle> Detect(GrayImage image, CircleDetectorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var width = image.Width;
        var height = image.Height;
        if (width < 3 || height < 3)
        {
            return Array.Empty<Circle>();
        }

        var gx = new float[width * height];
        var gy = new float[width * height];
        var magnitude = new float[width * height];
        Sobel(image, (float)(255.0 / options.DataRange), gx, gy, magnitude);
        cancellationToken.ThrowIfCancellationRequested();
        var edges = CannyEdges(gx, gy, magnitude, width, height, options.EdgeThreshold);
        cancellationToken.ThrowIfCancellationRequested();

        var accumulator = Vote(edges, gx, gy, width, height, options.MinRadius, options.MaxRadius);
        var candidates = FindCentres(accumulator, width, height, options.AccumulatorThreshold);
        cancellationToken.ThrowIfCancellationRequested();

        var grid = new EdgeGrid(edges, width, height, options.MaxRadius + 2);
        var accepted = new List<Circle>();
        var histogram = new int[options.MaxRadius + 3];
        var minDistanceSquared = options.MinDistance * options.MinDistance;
        // Accepted centres bucketed by MinDistance-sized cells: a candidate only checks the 3x3 cells around it.
        var cellSize = Math.Max(1.0, options.MinDistance);
        var acceptedCells = new Dictionary<(int, int), List<int>>();
        foreach (var index in candidates)
        {
            if ((accepted.Count & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (cx, cy) = RefineCentre(accumulator, width, height, index);
            if (IsNearAccepted(accepted, acceptedCells, cellSize, cx, cy, minDistanceSquared))
            {
                continue;
            }

            if (EstimateRadius(grid, cx, cy, options, histogram) is { } found &&
                !IsNearAccepted(accepted, acceptedCells, cellSize, found.X, found.Y, minDistanceSquared))
            {
                var key = ((int)Math.Floor(found.X / cellSize), (int)Math.Floor(found.Y / cellSize));
                if (!acceptedCells.TryGetValue(key, out var list))
                {
                    acceptedCells[key] = list = new List<int>();
                }

                list.Add(accepted.Count);
                accepted.Add(new Circle(found.X, found.Y, found.Radius, found.Support));
            }
        }

        return accepted;
    }

    private static bool IsNearAccepted(List<Circle> accepted, Dictionary<(int, int), List<int>> cells, double cellSize, double x, double y, double minDistanceSquared)
    {
        var cellX = (int)Math.Floor(x / cellSize);
        var cellY = (int)Math.Floor(y / cellSize);
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                if (!cells.TryGetValue((cellX + dx, cellY + dy), out var list))
                {
                    continue;
                }

                foreach (var i in list)
                {
                    var ex = accepted[i].X - x;
                    var ey = accepted[i].Y - y;
                    if (ex * ex + ey * ey < minDistanceSquared)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static void Sobel(GrayImage image, float scale, float[] gx, float[] gy, float[] magnitude)
    {
        var width = image.Width;
        var height = image.Height;
        var p = image.Pixels;
        Parallel.For(0, height, y =>
        {
            var up = Math.Max(y - 1, 0) * width;
            var mid = y * width;
            var down = Math.Min(y + 1, height - 1) * width;
            for (var x = 0; x < width; x++)
            {
                var l = Math.Max(x - 1, 0);
                var r = Math.Min(x + 1, width - 1);
                var sx = p[up + r] + 2 * p[mid + r] + p[down + r] - p[up + l] - 2 * p[mid + l] - p[down + l];
                var sy = p[down + l] + 2 * p[down + x] + p[down + r] - p[up + l] - 2 * p[up + x] - p[up + r];
                gx[mid + x] = sx * scale;
                gy[mid + x] = sy * scale;
                magnitude[mid + x] = Math.Abs(sx * scale) + Math.Abs(sy * scale);
            }
        });
    }

    /// <summary>Canny: non-maximum suppression and hysteresis; returns edge pixel indices in raster order.</summary>
    internal static int[] CannyEdges(float[] gx, float[] gy, float[] magnitude, int width, int height, double high)
    {
        var low = high / 2;
        // 0 = not an edge, 1 = weak candidate, 2 = edge.
        var state = new byte[width * height];
        const float tan22 = 0.41421356f;
        const float tan67 = 2.41421356f;
        Parallel.For(1, height - 1, y =>
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = y * width + x;
                var m = magnitude[i];
                if (m <= low)
                {
                    continue;
                }

                var ax = Math.Abs(gx[i]);
                var ay = Math.Abs(gy[i]);
                bool isMaximum;
                if (ay <= tan22 * ax)
                {
                    isMaximum = m > magnitude[i - 1] && m >= magnitude[i + 1];
                }
                else if (ay >= tan67 * ax)
                {
                    isMaximum = m > magnitude[i - width] && m >= magnitude[i + width];
                }
                else if ((gx[i] > 0) == (gy[i] > 0))
                {
                    isMaximum = m > magnitude[i - width - 1] && m >= magnitude[i + width + 1];
                }
                else
                {
                    isMaximum = m > magnitude[i - width + 1] && m >= magnitude[i + width - 1];
                }

                if (isMaximum)
                {
                    state[i] = m > high ? (byte)2 : (byte)1;
                }
            }
        });

        // Hysteresis: weak pixels 8-connected to strong ones become edges.
        var stack = new Stack<int>();
        for (var i = 0; i < state.Length; i++)
        {
            if (state[i] == 2)
            {
                stack.Push(i);
            }
        }

        while (stack.Count > 0)
        {
            var i = stack.Pop();
            var x = i % width;
            var y = i / width;
            for (var dy = -1; dy <= 1; dy++)
            {
                var ny = y + dy;
                if ((uint)ny >= (uint)height)
                {
                    continue;
                }

                for (var dx = -1; dx <= 1; dx++)
                {
                    var nx = x + dx;
                    if ((uint)nx >= (uint)width)
                    {
                        continue;
                    }

                    var n = ny * width + nx;
                    if (state[n] == 1)
                    {
                        state[n] = 2;
                        stack.Push(n);
                    }
                }
            }
        }

        var edges = new List<int>();
        for (var i = 0; i < state.Length; i++)
        {
            if (state[i] == 2)
            {
                edges.Add(i);
            }
        }

        return edges.ToArray();
    }

    private static int[] Vote(int[] edges, float[] gx, float[] gy, int width, int height, int minRadius, int maxRadius)
    {
        var accumulator = new int[width * height];
        foreach (var i in edges)
        {
            double vx = gx[i];
            double vy = gy[i];
            var norm = Math.Sqrt(vx * vx + vy * vy);
            if (norm == 0)
            {
                continue;
            }

            vx /= norm;
            vy /= norm;
            var x = i % width;
            var y = i / width;
            for (var sign = -1; sign <= 1; sign += 2)
            {
                for (var r = minRadius; r <= maxRadius; r++)
                {
                    var cx = (int)Math.Round(x + sign * r * vx);
                    var cy = (int)Math.Round(y + sign * r * vy);
                    if ((uint)cx >= (uint)width || (uint)cy >= (uint)height)
                    {
                        break;
                    }

                    accumulator[cy * width + cx]++;
                }
            }
        }

        return accumulator;
    }

    private static List<int> FindCentres(int[] accumulator, int width, int height, int threshold)
    {
        var centres = new List<int>();
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = y * width + x;
                var v = accumulator[i];
                // cv2's rule: strictly above left and up, at least right and down, so plateaus give one centre.
                if (v > threshold && v > accumulator[i - 1] && v >= accumulator[i + 1] && v > accumulator[i - width] && v >= accumulator[i + width])
                {
                    centres.Add(i);
                }
            }
        }

        centres.Sort((a, b) => accumulator[b] != accumulator[a] ? accumulator[b].CompareTo(accumulator[a]) : a.CompareTo(b));
        return centres;
    }

    private static (double X, double Y) RefineCentre(int[] accumulator, int width, int height, int index)
    {
        var x = index % width;
        var y = index / width;
        double sum = 0, sx = 0, sy = 0;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var nx = x + dx;
                var ny = y + dy;
                if ((uint)nx < (uint)width && (uint)ny < (uint)height)
                {
                    double v = accumulator[ny * width + nx];
                    sum += v;
                    sx += v * nx;
                    sy += v * ny;
                }
            }
        }

        return sum > 0 ? (sx / sum, sy / sum) : (x, y);
    }

    private static (double X, double Y, double Radius, double Support)? EstimateRadius(EdgeGrid grid, double cx, double cy, CircleDetectorOptions options, int[] histogram)
    {
        Array.Clear(histogram);
        var minR = options.MinRadius;
        var maxR = options.MaxRadius;
        grid.ForEachNear(cx, cy, (ex, ey) =>
        {
            var d = Math.Sqrt((ex - cx) * (ex - cx) + (ey - cy) * (ey - cy));
            var bin = (int)Math.Round(d);
            if (bin >= minR - 1 && bin <= maxR + 1)
            {
                histogram[bin]++;
            }
        });

        var bestRadius = -1;
        var bestCount = 0;
        var bestScore = 0.0;
        for (var r = minR; r <= maxR; r++)
        {
            var count = histogram[r - 1] + histogram[r] + histogram[r + 1];
            var score = count / (double)r;
            if (score > bestScore)
            {
                bestScore = score;
                bestCount = count;
                bestRadius = r;
            }
        }

        if (bestRadius < 0)
        {
            return null;
        }

        var support = bestCount / (2 * Math.PI * bestRadius);
        if (bestCount < options.AccumulatorThreshold || support < options.MinEdgeSupport)
        {
            return null;
        }

        // Sub-pixel centre and radius: algebraic (Kasa) least-squares circle fit to the supporting edge points, first
        // within 1.5 px of the histogram radius, then within 25 % of the fitted radius so that the whole contour of an
        // oval or dented hole takes part (a narrow band keeps only the arcs near the mean radius and biases the centre).
        var fit = (X: cx, Y: cy, Radius: (double)bestRadius);
        for (var pass = 0; pass < 3; pass++)
        {
            var band = pass == 0 ? 1.5 : Math.Max(1.5, 0.25 * fit.Radius);
            var refined = FitCircle(grid, fit.X, fit.Y, fit.Radius, band);
            if (refined is null || Math.Abs(refined.Value.X - cx) > 0.5 * bestRadius || Math.Abs(refined.Value.Y - cy) > 0.5 * bestRadius)
            {
                break;
            }

            fit = refined.Value;
        }

        return (fit.X, fit.Y, fit.Radius, Math.Min(support, 1.0));
    }

    private static (double X, double Y, double Radius)? FitCircle(EdgeGrid grid, double cx, double cy, double radius, double band)
    {
        // Minimise sum (x^2 + y^2 + D x + E y + F)^2 in coordinates centred on (cx, cy) for conditioning.
        double sxx = 0, sxy = 0, syy = 0, sx = 0, sy = 0, sxz = 0, syz = 0, sz = 0;
        var n = 0;
        grid.ForEachNear(cx, cy, (ex, ey) =>
        {
            var x = ex - cx;
            var y = ey - cy;
            var d = Math.Sqrt(x * x + y * y);
            if (Math.Abs(d - radius) <= band)
            {
                var z = x * x + y * y;
                sxx += x * x;
                sxy += x * y;
                syy += y * y;
                sx += x;
                sy += y;
                sxz += x * z;
                syz += y * z;
                sz += z;
                n++;
            }
        });

        if (n < 5)
        {
            return null;
        }

        // Normal equations [sxx sxy sx; sxy syy sy; sx sy n] [D E F]' = -[sxz syz sz]', solved by Cramer's rule.
        var det = Det3(sxx, sxy, sx, sxy, syy, sy, sx, sy, n);
        if (Math.Abs(det) < 1e-9)
        {
            return null;
        }

        var dd = Det3(-sxz, sxy, sx, -syz, syy, sy, -sz, sy, n) / det;
        var ee = Det3(sxx, -sxz, sx, sxy, -syz, sy, sx, -sz, n) / det;
        var ff = Det3(sxx, sxy, -sxz, sxy, syy, -syz, sx, sy, -sz) / det;
        var r2 = dd * dd / 4 + ee * ee / 4 - ff;
        return r2 > 0 ? (cx - dd / 2, cy - ee / 2, Math.Sqrt(r2)) : null;
    }

    private static double Det3(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);

    /// <summary>Edge points bucketed into square cells so a centre only looks at the cells within MaxRadius.</summary>
    private sealed class EdgeGrid
    {
        private readonly int _cell;
        private readonly int _cellsX;
        private readonly int _cellsY;
        private readonly int[] _start;
        private readonly int[] _x;
        private readonly int[] _y;

        public EdgeGrid(int[] edges, int width, int height, int cell)
        {
            _cell = cell;
            _cellsX = (width + cell - 1) / cell;
            _cellsY = (height + cell - 1) / cell;
            _start = new int[_cellsX * _cellsY + 1];
            foreach (var i in edges)
            {
                _start[CellOf(i % width, i / width) + 1]++;
            }

            for (var c = 0; c < _cellsX * _cellsY; c++)
            {
                _start[c + 1] += _start[c];
            }

            var fill = (int[])_start.Clone();
            _x = new int[edges.Length];
            _y = new int[edges.Length];
            foreach (var i in edges)
            {
                var slot = fill[CellOf(i % width, i / width)]++;
                _x[slot] = i % width;
                _y[slot] = i / width;
            }
        }

        public void ForEachNear(double cx, double cy, Action<int, int> visit)
        {
            var cellX = (int)(cx / _cell);
            var cellY = (int)(cy / _cell);
            for (var y = Math.Max(0, cellY - 1); y <= Math.Min(_cellsY - 1, cellY + 1); y++)
            {
                for (var x = Math.Max(0, cellX - 1); x <= Math.Min(_cellsX - 1, cellX + 1); x++)
                {
                    var c = y * _cellsX + x;
                    for (var k = _start[c]; k < _start[c + 1]; k++)
                    {
                        visit(_x[k], _y[k]);
                    }
                }
            }
        }

        private int CellOf(int x, int y) => y / _cell * _cellsX + x / _cell;
    }
}
