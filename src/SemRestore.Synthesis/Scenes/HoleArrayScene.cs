using SemRestore.Imaging;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Renders a Rows x Columns array of holes as a top-down SEM sees them: a wafer surface with a slow gradient and
/// grain, dark hole interiors, a bright rim where the wall meets the surface (secondary electrons escape more
/// easily at edges), a faint inner concentric circle, then the Gaussian beam blur. Ovals and dented rims come from
/// <see cref="HoleArrayParameters.Aspect"/> and <see cref="HoleArrayParameters.Dent"/>. The lattice continues into
/// the margin, so shifted acquisitions show more holes at their borders.
/// </summary>
/// <remarks>
/// Radial profile at signed distance d = rho - R(theta) from the rim line (w = rim width):
/// base = lerp(interior, surface, step((d + 1.5 w) / (w / 2))); plus (rim - background) * exp(-d^2 / 2w^2) on the rim;
/// plus innerContrast * exp(-(rho - innerRing * r)^2 / 2(0.6 w)^2) inside. The wall step sits 1.5 rim widths inside
/// the rim so that the brightness maximum stays on the listed radius (within about 0.3 px after the blur).
/// </remarks>
public abstract class HoleArrayScene : ISceneGenerator
{
    private const int Harmonics = 4;

    protected HoleArrayScene(string kind, HoleArrayParameters defaults, NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Kind = kind;
        HoleParameters = defaults.Read(spec);
    }

    public string Kind { get; }

    public HoleArrayParameters HoleParameters { get; }

    public object Parameters => HoleParameters;

    public SceneRender Render(int width, int height, int margin, ulong seed, int defects = 0, CancellationToken cancellationToken = default)
    {
        SceneCanvas.ValidateSize(width, height, margin);
        ArgumentOutOfRangeException.ThrowIfNegative(defects);
        var p = HoleParameters;
        var pitchX = (double)width / p.Columns;
        var pitchY = (double)height / p.Rows;
        var pitch = Math.Min(pitchX, pitchY);
        var rimWidth = (float)(p.RimWidth * pitch);
        var extra = (int)Math.Ceiling(margin / pitch) + 1;
        var table = new HoleTable(-extra, -extra, p.Rows + 2 * extra, p.Columns + 2 * extra);
        for (var i = table.FirstRow; i < table.FirstRow + table.RowCount; i++)
        {
            for (var j = table.FirstColumn; j < table.FirstColumn + table.ColumnCount; j++)
            {
                table[i, j] = CreateHole(i, j, pitchX, pitchY, pitch, seed);
            }
        }

        var canvas = new GrayImage(width + 2 * margin, height + 2 * margin);
        SceneCanvas.FillBackground(canvas, margin, width, height, (float)p.Background, (float)p.Gradient, (float)p.Grain, seed, cancellationToken);
        var painter = new DefectPainter(width, height, margin, seed, defects);
        painter.PlanHoleDefects(table, p.Rows, p.Columns, pitch);
        DrawHoles(canvas, margin, table, pitchX, pitchY, rimWidth, cancellationToken);
        painter.Paint(canvas, (float)p.Rim, (float)p.Interior, rimWidth, pitch);
        SceneCanvas.BlurAndClamp(canvas, p.Psf, cancellationToken);

        var circles = new List<SceneCircle>(p.Rows * p.Columns);
        for (var i = 0; i < p.Rows; i++)
        {
            for (var j = 0; j < p.Columns; j++)
            {
                var hole = table[i, j];
                if (hole.Missing)
                {
                    continue;
                }

                var round = p.Aspect == 0 && p.Dent == 0;
                circles.Add(round
                    ? new SceneCircle(hole.X, hole.Y, hole.Radius)
                    : new SceneCircle(hole.X, hole.Y, hole.Radius, hole.SemiAxisX, hole.SemiAxisY, hole.Angle));
            }
        }

        return new SceneRender(Kind, canvas, margin, circles, painter.Mask);
    }

    private Hole CreateHole(int i, int j, double pitchX, double pitchY, double pitch, ulong seed)
    {
        var p = HoleParameters;
        var random = new CounterRandom(seed, SceneCanvas.FeaturePurpose, (ulong)(uint)i, (ulong)(uint)j);
        var hole = new Hole
        {
            X = (j + 0.5) * pitchX - 0.5 + random.NextGaussian() * p.Jitter * pitch,
            Y = (i + 0.5) * pitchY - 0.5 + random.NextGaussian() * p.Jitter * pitch,
            Radius = p.Radius * pitch * (1 + Math.Clamp(random.NextGaussian(), -3, 3) * p.RadiusJitter),
            Angle = random.NextUniform(0, Math.PI),
            Bumps = new double[2 * Harmonics],
        };
        (hole.SinAngle, hole.CosAngle) = Math.SinCos(hole.Angle);
        var ratio = 1 + random.NextUniform(-p.Aspect, p.Aspect);
        hole.SemiAxisX = hole.Radius * Math.Sqrt(ratio);
        hole.SemiAxisY = hole.Radius / Math.Sqrt(ratio);
        // Harmonics 2..5 with amplitudes summing to at most Dent: low-order dents, never a star.
        var weights = new double[Harmonics];
        double total = 0;
        for (var k = 0; k < Harmonics; k++)
        {
            weights[k] = random.NextDouble() / (k + 1);
            total += weights[k];
        }

        for (var k = 0; k < Harmonics; k++)
        {
            var amplitude = total > 0 ? p.Dent * weights[k] / total : 0;
            var (sinPhase, cosPhase) = Math.SinCos(random.NextUniform(0, 2 * Math.PI));
            hole.Bumps[2 * k] = amplitude * cosPhase;
            hole.Bumps[2 * k + 1] = amplitude * sinPhase;
        }

        return hole;
    }

    private void DrawHoles(GrayImage canvas, int margin, HoleTable table, double pitchX, double pitchY, float w, CancellationToken cancellationToken)
    {
        var p = HoleParameters;
        var interior = (float)p.Interior;
        var rimBoost = (float)(p.Rim - p.Background);
        var innerContrast = (float)p.InnerContrast;
        var innerSigma = 0.6f * w;
        var round = p.Aspect == 0 && p.Dent == 0;
        var canvasWidth = canvas.Width;
        Parallel.For(0, canvas.Height, RowParallelism.Options(cancellationToken), py =>
        {
            var row = canvas.Pixels.AsSpan(py * canvasWidth, canvasWidth);
            var y = py - margin;
            var i = (int)Math.Floor((y + 0.5) / pitchY);
            for (var px = 0; px < canvasWidth; px++)
            {
                var x = px - margin;
                var j = (int)Math.Floor((x + 0.5) / pitchX);
                var hole = table[i, j];
                if (hole.Missing)
                {
                    continue;
                }

                var dx = (float)(x - hole.X);
                var dy = (float)(y - hole.Y);
                var rho = MathF.Sqrt(dx * dx + dy * dy);
                var radius = round ? (float)hole.Radius : hole.RadiusAt(dx, dy, rho);
                var d = rho - radius;
                if (d > 5 * w)
                {
                    continue;
                }

                var level = row[px];
                var wall = SceneCanvas.Step((d + 1.5f * w) / (0.5f * w));
                var bottom = interior * (0.7f + 0.3f * MathF.Min(rho / radius, 1f));
                var value = bottom + (level - bottom) * wall;
                value += rimBoost * MathF.Exp(-d * d / (2 * w * w));
                if (innerContrast > 0)
                {
                    var r = rho - (float)(p.InnerRing * hole.Radius);
                    value += innerContrast * MathF.Exp(-r * r / (2 * innerSigma * innerSigma)) * (1 - wall);
                }

                row[px] = value;
            }
        });
    }

    /// <summary>One hole: centre, mean radius, oval axes and angle, dent harmonics.</summary>
    internal sealed class Hole
    {
        public double X;
        public double Y;
        public double Radius;
        public double SemiAxisX;
        public double SemiAxisY;
        public double Angle;
        public double SinAngle;
        public double CosAngle = 1;

        /// <summary>Pairs (a_k cos phi_k, a_k sin phi_k) for harmonics k = 2..5.</summary>
        public double[] Bumps = [];
        public bool Missing;

        /// <summary>Rim radius in the direction (dx, dy): the oval's polar radius times the dent factor; no trigonometry per pixel.</summary>
        public float RadiusAt(float dx, float dy, float rho)
        {
            if (rho < 1e-6f)
            {
                return (float)Radius;
            }

            var c = (dx * CosAngle + dy * SinAngle) / rho;
            var s = (-dx * SinAngle + dy * CosAngle) / rho;
            var a = SemiAxisX;
            var b = SemiAxisY;
            var r = a * b / Math.Sqrt(b * b * c * c + a * a * s * s);
            // cos(k t) and sin(k t) for k = 2..5 by repeated rotation.
            double ck = c, sk = s, factor = 1;
            for (var k = 0; k < Bumps.Length / 2; k++)
            {
                (ck, sk) = (ck * c - sk * s, sk * c + ck * s);
                factor += Bumps[2 * k] * ck - Bumps[2 * k + 1] * sk;
            }

            return (float)(r * factor);
        }
    }

    /// <summary>Holes indexed by (row, column), including the rows and columns in the margin.</summary>
    internal sealed class HoleTable(int firstRow, int firstColumn, int rowCount, int columnCount)
    {
        private static readonly Hole s_none = new() { Missing = true };
        private readonly Hole[] _holes = new Hole[rowCount * columnCount];

        public int FirstRow { get; } = firstRow;

        public int FirstColumn { get; } = firstColumn;

        public int RowCount { get; } = rowCount;

        public int ColumnCount { get; } = columnCount;

        public Hole this[int i, int j]
        {
            get
            {
                var r = i - FirstRow;
                var c = j - FirstColumn;
                return r < 0 || c < 0 || r >= RowCount || c >= ColumnCount ? s_none : _holes[r * ColumnCount + c];
            }
            set => _holes[(i - FirstRow) * ColumnCount + (j - FirstColumn)] = value;
        }
    }
}
