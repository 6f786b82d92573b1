using SemRestore.Imaging;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Line/space gratings with line-edge roughness: every edge wanders along the line by smooth Gaussian noise
/// (white noise blurred to the correlation length, scaled to the roughness), lines are brighter than spaces and
/// their edges glow. No circles; defects are particles and scratches.
/// </summary>
[SceneKind("lines", "line/space grating with line-edge roughness and bright edges (no circles)")]
public sealed class LineGratingScene : ISceneGenerator
{
    public LineGratingScene(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        LineParameters = new LineGratingParameters().Read(spec);
    }

    public string Kind => "lines";

    public LineGratingParameters LineParameters { get; }

    public object Parameters => LineParameters;

    public SceneRender Render(int width, int height, int margin, ulong seed, int defects = 0, CancellationToken cancellationToken = default)
    {
        SceneCanvas.ValidateSize(width, height, margin);
        var p = LineParameters;
        var vertical = p.Orientation == "vertical";
        var canvas = new GrayImage(width + 2 * margin, height + 2 * margin);
        SceneCanvas.FillBackground(canvas, margin, width, height, (float)p.Space, (float)p.Gradient, (float)p.Grain, seed, cancellationToken);
        // Work in (across, along) coordinates: across is x for vertical lines.
        var across = vertical ? width : height;
        var alongCount = (vertical ? canvas.Height : canvas.Width);
        var period = (double)across / p.Lines;
        var extra = (int)Math.Ceiling(margin / period) + 1;
        var lineCount = p.Lines + 2 * extra;
        var edges = new float[lineCount * 2][];
        for (var e = 0; e < edges.Length; e++)
        {
            edges[e] = RoughEdge(alongCount, p.Roughness, p.CorrelationLength, seed, (ulong)e);
        }

        var lineLevel = (float)p.Line;
        var edgeBoost = (float)(p.Edge - p.Line);
        var w = (float)p.EdgeWidth;
        var canvasWidth = canvas.Width;
        Parallel.For(0, canvas.Height, RowParallelism.Options(cancellationToken), py =>
        {
            var row = canvas.Pixels.AsSpan(py * canvasWidth, canvasWidth);
            for (var px = 0; px < canvasWidth; px++)
            {
                var a = (vertical ? px : py) - margin; // across coordinate in image pixels
                var t = vertical ? py : px;             // along index into the edge arrays
                var j = (int)Math.Floor(a / period);
                var inside = float.NegativeInfinity;
                var nearest = float.PositiveInfinity;
                for (var k = j - 1; k <= j + 1; k++)
                {
                    var index = k + extra;
                    if (index < 0 || index >= lineCount)
                    {
                        continue;
                    }

                    var left = (float)(k * period) + edges[2 * index][t];
                    var right = (float)((k + p.Duty) * period) + edges[2 * index + 1][t];
                    var d = MathF.Min(a - left, right - a);
                    inside = MathF.Max(inside, d);
                    nearest = MathF.Min(nearest, MathF.Min(MathF.Abs(a - left), MathF.Abs(right - a)));
                }

                var value = row[px];
                value += (lineLevel - (float)p.Space) * SceneCanvas.Step(inside / (0.35f * w));
                value += edgeBoost * MathF.Exp(-nearest * nearest / (2 * w * w));
                row[px] = value;
            }
        });

        var painter = new DefectPainter(width, height, margin, seed, defects);
        painter.PlanGenericDefects(period);
        painter.Paint(canvas, (float)p.Edge, (float)p.Space, w, period);
        SceneCanvas.BlurAndClamp(canvas, p.Psf, cancellationToken);
        return new SceneRender(Kind, canvas, margin, null, painter.Mask);
    }

    /// <summary>Edge displacement along a line: white noise blurred to the correlation length, rescaled to the roughness.</summary>
    private static float[] RoughEdge(int length, double roughness, double correlationLength, ulong seed, ulong edge)
    {
        var values = new float[length];
        if (roughness == 0)
        {
            return values;
        }

        var random = new CounterRandom(seed, SceneCanvas.FeaturePurpose, edge);
        var kernel = SceneCanvas.GaussianKernel(correlationLength);
        var radius = kernel.Length / 2;
        var white = new float[length + 2 * radius];
        for (var i = 0; i < white.Length; i++)
        {
            white[i] = (float)random.NextGaussian();
        }

        double norm = 0;
        foreach (var k in kernel)
        {
            norm += k * k;
        }

        var scale = (float)(roughness / Math.Sqrt(norm));
        for (var i = 0; i < length; i++)
        {
            double sum = 0;
            for (var k = 0; k < kernel.Length; k++)
            {
                sum += kernel[k] * white[i + k];
            }

            values[i] = (float)(sum * scale);
        }

        return values;
    }
}
