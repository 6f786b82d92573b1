using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Scenes;

/// <summary>Tin balls / solder bumps: a 6 x 8 array of shaded spheres with bright flanks on a dark textured substrate.</summary>
[SceneKind("bumps", "6x8 array of solder bumps (shaded spheres with bright flanks) on a textured substrate")]
public sealed class BumpArrayScene(NamedSpec spec) : RoundFeatureScene("bumps", new RoundFeatureParameters().Read(spec, array: true))
{
    protected override List<SceneCircle> Place(int width, int height, int margin, ulong seed)
    {
        var p = FeatureParameters;
        var pitchX = (double)width / p.Columns;
        var pitchY = (double)height / p.Rows;
        var pitch = Math.Min(pitchX, pitchY);
        var extra = (int)Math.Ceiling(margin / pitch) + 1;
        var features = new List<SceneCircle>();
        for (var i = -extra; i < p.Rows + extra; i++)
        {
            for (var j = -extra; j < p.Columns + extra; j++)
            {
                var random = new CounterRandom(seed, SceneCanvas.FeaturePurpose, (ulong)(uint)i, (ulong)(uint)j);
                features.Add(new SceneCircle(
                    (j + 0.5) * pitchX - 0.5 + random.NextGaussian() * p.Jitter * pitch,
                    (i + 0.5) * pitchY - 0.5 + random.NextGaussian() * p.Jitter * pitch,
                    p.Radius * pitch * (1 + 0.02 * Math.Clamp(random.NextGaussian(), -2, 2))));
            }
        }

        return features;
    }
}
