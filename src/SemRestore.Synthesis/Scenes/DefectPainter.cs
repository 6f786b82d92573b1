using SemRestore.Imaging;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Plans and draws defects with their ground-truth mask (image pixels, 1 = defect): a missing hole (hole kinds),
/// a bridge between two neighbouring holes (hole kinds), a particle and a scratch (every kind). Defect k is drawn
/// from the stream keyed by (seed, defects, k), so adding defects never changes the others.
/// </summary>
internal sealed class DefectPainter
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _margin;
    private readonly ulong _seed;
    private readonly int _count;
    private readonly List<(DefectShape Shape, double X0, double Y0, double X1, double Y1, double Size)> _shapes = new();

    public DefectPainter(int width, int height, int margin, ulong seed, int count)
    {
        _width = width;
        _height = height;
        _margin = margin;
        _seed = seed;
        _count = count;
        Mask = count > 0 ? new GrayImage(width, height, bitDepth: 8) : null;
    }

    private enum DefectShape
    {
        Bridge,
        Particle,
        Scratch,
    }

    /// <summary>The defect mask, or null when no defects were asked for.</summary>
    public GrayImage? Mask { get; }

    /// <summary>Chooses missing holes, bridges, particles and scratches over a hole array.</summary>
    public void PlanHoleDefects(HoleArrayScene.HoleTable table, int rows, int columns, double pitch)
    {
        for (var k = 0; k < _count; k++)
        {
            var random = new CounterRandom(_seed, SceneCanvas.DefectPurpose, (ulong)k);
            var type = random.NextInt(4);
            var i = random.NextInt(rows);
            var j = random.NextInt(columns);
            var hole = table[i, j];
            if (type == 0 && !hole.Missing)
            {
                hole.Missing = true;
                MarkDisk(hole.X, hole.Y, hole.Radius * 1.25 + 0.05 * pitch);
            }
            else if (type == 1 && (columns > 1 || rows > 1))
            {
                var (ni, nj) = j + 1 < columns ? (i, j + 1) : j > 0 ? (i, j - 1) : (i + 1 < rows ? i + 1 : i - 1, j);
                var other = table[ni, nj];
                _shapes.Add((DefectShape.Bridge, hole.X, hole.Y, other.X, other.Y, Math.Max(1.5, 0.05 * pitch)));
            }
            else
            {
                PlanGeneric(ref random, pitch, type == 3);
            }
        }
    }

    /// <summary>Chooses particles and scratches (kinds without holes).</summary>
    public void PlanGenericDefects(double scale)
    {
        for (var k = 0; k < _count; k++)
        {
            var random = new CounterRandom(_seed, SceneCanvas.DefectPurpose, (ulong)k);
            PlanGeneric(ref random, scale, random.NextInt(2) == 1);
        }
    }

    /// <summary>Draws the planned bridges, particles and scratches into the canvas and the mask.</summary>
    public void Paint(GrayImage canvas, float bright, float dark, float lineWidth, double scale)
    {
        foreach (var (shape, x0, y0, x1, y1, size) in _shapes)
        {
            switch (shape)
            {
                case DefectShape.Bridge:
                    PaintSegment(canvas, x0, y0, x1, y1, size, (value, t) => value + (bright - value) * t);
                    break;
                case DefectShape.Particle:
                    PaintSegment(canvas, x0, y0, x0, y0, size, (value, t) => value + (bright * 0.95f - value) * t);
                    break;
                case DefectShape.Scratch:
                    PaintSegment(canvas, x0, y0, x1, y1, size, (value, t) => value + (dark - value) * 0.6f * t);
                    break;
            }
        }
    }

    private void PlanGeneric(ref CounterRandom random, double scale, bool scratch)
    {
        var x = random.NextUniform(0, _width - 1);
        var y = random.NextUniform(0, _height - 1);
        if (scratch)
        {
            var length = random.NextUniform(0.2, 0.6) * Math.Min(_width, _height);
            var (sin, cos) = Math.SinCos(random.NextUniform(0, Math.PI));
            _shapes.Add((DefectShape.Scratch, x - cos * length / 2, y - sin * length / 2, x + cos * length / 2, y + sin * length / 2, 1.0));
        }
        else
        {
            _shapes.Add((DefectShape.Particle, x, y, x, y, random.NextUniform(0.05, 0.14) * scale));
        }
    }

    /// <summary>Blends a soft capsule of half-width <paramref name="halfWidth"/> around segment (x0, y0)-(x1, y1) into the canvas; marks it in the mask.</summary>
    private void PaintSegment(GrayImage canvas, double x0, double y0, double x1, double y1, double halfWidth, Func<float, float, float> blend)
    {
        var reach = halfWidth + 3;
        var left = (int)Math.Floor(Math.Min(x0, x1) - reach);
        var right = (int)Math.Ceiling(Math.Max(x0, x1) + reach);
        var top = (int)Math.Floor(Math.Min(y0, y1) - reach);
        var bottom = (int)Math.Ceiling(Math.Max(y0, y1) + reach);
        var ex = x1 - x0;
        var ey = y1 - y0;
        var length2 = ex * ex + ey * ey;
        for (var y = Math.Max(top, -_margin); y <= Math.Min(bottom, _height + _margin - 1); y++)
        {
            for (var x = Math.Max(left, -_margin); x <= Math.Min(right, _width + _margin - 1); x++)
            {
                var t = length2 > 0 ? Math.Clamp(((x - x0) * ex + (y - y0) * ey) / length2, 0, 1) : 0;
                var distance = Math.Sqrt(Math.Pow(x - x0 - t * ex, 2) + Math.Pow(y - y0 - t * ey, 2));
                var weight = SceneCanvas.Step((float)((halfWidth - distance) / 0.7));
                var index = (y + _margin) * canvas.Width + x + _margin;
                canvas.Pixels[index] = blend(canvas.Pixels[index], weight);
                if (distance <= halfWidth + 1 && x >= 0 && y >= 0 && x < _width && y < _height)
                {
                    Mask![x, y] = 1;
                }
            }
        }
    }

    private void MarkDisk(double cx, double cy, double radius)
    {
        for (var y = Math.Max(0, (int)(cy - radius - 1)); y <= Math.Min(_height - 1, (int)(cy + radius + 1)); y++)
        {
            for (var x = Math.Max(0, (int)(cx - radius - 1)); x <= Math.Min(_width - 1, (int)(cx + radius + 1)); x++)
            {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius)
                {
                    Mask![x, y] = 1;
                }
            }
        }
    }
}
