using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Parameters of the shaded round features: solder bumps in an array (<c>bumps</c>) or random particles on a
/// textured background (<c>particles</c>). Spec keys are the property names in lower case.
/// </summary>
/// <param name="Rows">Bump rows (bumps), 1-200.</param>
/// <param name="Columns">Bump columns (bumps), 1-200.</param>
/// <param name="Count">Number of particles (particles), 1-100000.</param>
/// <param name="Radius">Bump radius as a fraction of the smaller pitch (bumps), or the largest particle radius as a fraction of the smaller image side (particles); 0.002-0.45.</param>
/// <param name="MinRadius">Smallest particle radius as a fraction of <see cref="Radius"/> (particles), 0.05-1.</param>
/// <param name="Jitter">Standard deviation of bump centres, fraction of the pitch, 0-0.05.</param>
/// <param name="Background">Substrate intensity, 0-1.</param>
/// <param name="Top">Intensity at the top of a feature (facing the beam), 0-1.</param>
/// <param name="EdgeGlow">Extra brightness at the steep flanks (secondary-electron yield grows with tilt), 0-1.</param>
/// <param name="Shading">Left-right brightness difference from the detector side, 0-0.5.</param>
/// <param name="Texture">Amplitude of the substrate texture, 0-0.3.</param>
/// <param name="TextureScale">Correlation length of the substrate texture in pixels, 0.5-50.</param>
/// <param name="Gradient">Relative amplitude of the slow background gradient, 0-0.5.</param>
/// <param name="Psf">Standard deviation of the Gaussian beam point-spread function in pixels, 0-5.</param>
public sealed record RoundFeatureParameters(
    int Rows = 6,
    int Columns = 8,
    int Count = 60,
    double Radius = 0.38,
    double MinRadius = 0.2,
    double Jitter = 0.01,
    double Background = 0.18,
    double Top = 0.5,
    double EdgeGlow = 0.35,
    double Shading = 0.08,
    double Texture = 0.02,
    double TextureScale = 3,
    double Gradient = 0.08,
    double Psf = 1.0)
{
    /// <summary>Reads overrides of these defaults from a spec: array keys (rows, columns, jitter) when <paramref name="array"/>, particle keys (count, minradius) otherwise.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public RoundFeatureParameters Read(NamedSpec spec, bool array)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = new RoundFeatureParameters(
            array ? spec.GetInt("rows", Rows, 1, 200) : Rows,
            array ? spec.GetInt("columns", Columns, 1, 200) : Columns,
            array ? Count : spec.GetInt("count", Count, 1, 100000),
            spec.GetDouble("radius", Radius, 0.002, 0.45),
            array ? MinRadius : spec.GetDouble("minradius", MinRadius, 0.05, 1),
            array ? spec.GetDouble("jitter", Jitter, 0, 0.05) : Jitter,
            spec.GetDouble("background", Background, 0, 1),
            spec.GetDouble("top", Top, 0, 1),
            spec.GetDouble("edgeglow", EdgeGlow, 0, 1),
            spec.GetDouble("shading", Shading, 0, 0.5),
            spec.GetDouble("texture", Texture, 0, 0.3),
            spec.GetDouble("texturescale", TextureScale, 0.5, 50),
            spec.GetDouble("gradient", Gradient, 0, 0.5),
            spec.GetDouble("psf", Psf, 0, 5));
        if (array && result.Radius + 3 * result.Jitter > 0.48)
        {
            throw new ArgumentException($"{spec.Name}: bumps do not fit their cells (radius {result.Radius} + 3 jitter {result.Jitter} > 0.48 of the pitch).", "radius");
        }

        return result;
    }
}
