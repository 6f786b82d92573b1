using SemRestore.Imaging;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Shaded round features on a textured substrate: a feature of radius R at distance rho has
/// I = top + edgeGlow * (1 / sqrt(1 - s^2) - 1) / 4 + shading * dx / R with s = rho / R (the flanks tilt away from
/// the beam, so they emit more secondary electrons), blended into the substrate over about one pixel.
/// </summary>
public abstract class RoundFeatureScene : ISceneGenerator
{
    protected RoundFeatureScene(string kind, RoundFeatureParameters parameters)
    {
        Kind = kind;
        FeatureParameters = parameters;
    }

    public string Kind { get; }

    public RoundFeatureParameters FeatureParameters { get; }

    public object Parameters => FeatureParameters;

    public SceneRender Render(int width, int height, int margin, ulong seed, int defects = 0, CancellationToken cancellationToken = default)
    {
        SceneCanvas.ValidateSize(width, height, margin);
        ArgumentOutOfRangeException.ThrowIfNegative(defects);
        var p = FeatureParameters;
        var canvas = new GrayImage(width + 2 * margin, height + 2 * margin);
        SceneCanvas.FillBackground(canvas, margin, width, height, (float)p.Background, (float)p.Gradient, 0, seed, cancellationToken);
        AddTexture(canvas, p.Texture, p.TextureScale, seed, cancellationToken);
        var features = Place(width, height, margin, seed);
        foreach (var feature in features)
        {
            Draw(canvas, margin, feature);
        }

        var scale = features.Count > 0 ? features.Average(f => f.R) * 2 : Math.Min(width, height) * 0.05;
        var painter = new DefectPainter(width, height, margin, seed, defects);
        painter.PlanGenericDefects(scale);
        painter.Paint(canvas, (float)Math.Min(1, p.Top + p.EdgeGlow), (float)p.Background * 0.5f, 1.5f, scale);
        SceneCanvas.BlurAndClamp(canvas, p.Psf, cancellationToken);
        var circles = features.Where(f => f.X >= 0 && f.Y >= 0 && f.X <= width - 1 && f.Y <= height - 1).ToList();
        return new SceneRender(Kind, canvas, margin, circles, painter.Mask);
    }

    /// <summary>Feature centres and radii in image pixels, including features in the margin.</summary>
    protected abstract List<SceneCircle> Place(int width, int height, int margin, ulong seed);

    private void Draw(GrayImage canvas, int margin, SceneCircle feature)
    {
        var p = FeatureParameters;
        var reach = feature.R + 3;
        var top = Math.Max(0, (int)Math.Floor(feature.Y + margin - reach));
        var bottom = Math.Min(canvas.Height - 1, (int)Math.Ceiling(feature.Y + margin + reach));
        var left = Math.Max(0, (int)Math.Floor(feature.X + margin - reach));
        var right = Math.Min(canvas.Width - 1, (int)Math.Ceiling(feature.X + margin + reach));
        for (var py = top; py <= bottom; py++)
        {
            var row = canvas.Row(py);
            for (var px = left; px <= right; px++)
            {
                var dx = px - margin - feature.X;
                var dy = py - margin - feature.Y;
                var rho = Math.Sqrt(dx * dx + dy * dy);
                var s = Math.Min(rho / feature.R, 0.98);
                var tilt = 1 / Math.Sqrt(1 - s * s);
                var value = p.Top + p.EdgeGlow * (tilt - 1) / 4 + p.Shading * dx / feature.R;
                var weight = SceneCanvas.Step((float)(feature.R - rho) / 0.7f);
                row[px] += (float)((value - row[px]) * weight);
            }
        }
    }

    /// <summary>Adds smooth substrate texture: white noise blurred to <paramref name="scale"/>, scaled to amplitude <paramref name="amplitude"/>.</summary>
    private static void AddTexture(GrayImage canvas, double amplitude, double scale, ulong seed, CancellationToken cancellationToken)
    {
        if (amplitude == 0)
        {
            return;
        }

        var texture = new GrayImage(canvas.Width, canvas.Height);
        Parallel.For(0, canvas.Height, RowParallelism.Options(cancellationToken), y =>
        {
            var random = new CounterRandom(seed, SceneCanvas.BackgroundPurpose, 2, (ulong)y);
            var row = texture.Row(y);
            for (var x = 0; x < row.Length; x++)
            {
                row[x] = (float)(random.NextDouble() - 0.5);
            }
        });
        // After a Gaussian blur of sigma s, uniform noise of variance 1/12 has variance about 1 / (12 * 4 pi s^2).
        var gain = (float)(amplitude * Math.Sqrt(12 * 4 * Math.PI) * scale);
        BlurWithoutClamp(texture, scale, cancellationToken);
        for (var i = 0; i < texture.Pixels.Length; i++)
        {
            canvas.Pixels[i] += gain * texture.Pixels[i];
        }
    }

    private static void BlurWithoutClamp(GrayImage image, double sigma, CancellationToken cancellationToken)
    {
        // BlurAndClamp clamps to [0, 1]; shift the zero-mean texture into range first and back afterwards.
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] += 0.5f;
        }

        SceneCanvas.BlurAndClamp(image, sigma, cancellationToken);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] -= 0.5f;
        }
    }
}
