using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Scenes;

/// <summary>Random particles of many sizes (radii log-uniform) on a textured substrate, like the KRISS test specimen.</summary>
[SceneKind("particles", "random shaded particles of many sizes on a textured substrate")]
public sealed class ParticleFieldScene(NamedSpec spec)
    : RoundFeatureScene("particles", new RoundFeatureParameters(Radius: 0.05, Texture: 0.04, Background: 0.22).Read(spec, array: false))
{
    protected override List<SceneCircle> Place(int width, int height, int margin, ulong seed)
    {
        var p = FeatureParameters;
        var random = new CounterRandom(seed, SceneCanvas.FeaturePurpose, 0xFFFF);
        var largest = p.Radius * Math.Min(width, height);
        var smallest = Math.Max(1.0, largest * p.MinRadius);
        // Scale the count to the canvas so the density in the margin matches the image.
        var area = (double)(width + 2 * margin) * (height + 2 * margin) / ((double)width * height);
        var count = (int)Math.Round(p.Count * area);
        var features = new List<SceneCircle>(count);
        for (var k = 0; k < count; k++)
        {
            var r = smallest * Math.Exp(random.NextDouble() * Math.Log(largest / smallest));
            features.Add(new SceneCircle(random.NextUniform(-margin, width + margin - 1), random.NextUniform(-margin, height + margin - 1), r));
        }

        // Draw large particles first so small ones sit on top.
        features.Sort((a, b) => b.R.CompareTo(a.R));
        return features;
    }
}
