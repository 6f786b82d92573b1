using SemRestore.Imaging;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;
using SemRestore.Synthesis.Scenes;

namespace SemRestore.Synthesis.Degradation;

/// <summary>Gaussian blur with sigma (pixels) drawn uniformly from a range: <c>blur:sigma=0.2..3</c> (default 0.2..3).</summary>
public sealed class GaussianBlurDegradation : IDegradation
{
    public GaussianBlurDegradation(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Sigma = ParameterRange.Read(spec, "sigma", new ParameterRange(0.2, 3), 0, 20);
        spec.EnsureOnly();
    }

    public ParameterRange Sigma { get; }

    public string Spec => $"blur:sigma={Sigma}";

    public GrayImage Apply(GrayImage image, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var random = new CounterRandom(seed);
        var blurred = image.Clone();
        SceneCanvas.BlurAndClamp(blurred, Sigma.Draw(ref random), cancellationToken);
        return blurred;
    }
}
