using System.Text.Json.Serialization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Parameters of a hole array (channel holes, contacts). Lengths are fractions of the pitch so that a scene looks the
/// same at 1024x768 and 3072x2048; the pitch is the image size divided by <see cref="Columns"/> and <see cref="Rows"/>.
/// Spec keys are the property names in lower case (for example <c>holes:radius=0.3,jitter=0</c>).
/// </summary>
/// <param name="Rows">Holes per column, 1-200 (the paper's circle-detection figure has 9).</param>
/// <param name="Columns">Holes per row, 1-200 (12 in the paper).</param>
/// <param name="Radius">Mean hole radius (where the rim peaks) as a fraction of the smaller pitch, 0.02-0.45.</param>
/// <param name="RimWidth">Standard deviation of the bright rim's profile, fraction of the smaller pitch, 0.002-0.1.</param>
/// <param name="Jitter">Standard deviation of each centre's displacement, fraction of the pitch, 0-0.05.</param>
/// <param name="RadiusJitter">Relative standard deviation of the radius from hole to hole, 0-0.1.</param>
/// <param name="InnerRing">Radius of the faint inner concentric circle as a fraction of the hole radius, 0.1-0.9.</param>
/// <param name="InnerContrast">Brightness of the inner circle above the dark interior, 0-0.5 (0 draws none).</param>
/// <param name="Aspect">Largest deviation of the aspect ratio from 1 (ovals with area kept), 0-0.4: 0.2 gives 0.8-1.2.</param>
/// <param name="Dent">Amplitude of the low-order random radial perturbation (dented, bumpy rims), 0-0.2.</param>
/// <param name="Background">Intensity of the wafer surface, 0-1.</param>
/// <param name="Interior">Intensity at the bottom of a hole, 0-1.</param>
/// <param name="Rim">Peak intensity of the rim (secondary-electron edge effect), 0-1.</param>
/// <param name="Gradient">Relative amplitude of the slow background gradient, 0-0.5.</param>
/// <param name="Grain">Amplitude of the white surface grain before the beam blur, 0-0.2.</param>
/// <param name="Psf">Standard deviation of the Gaussian beam point-spread function in pixels, 0-5.</param>
public sealed record HoleArrayParameters(
    int Rows = 9,
    int Columns = 12,
    double Radius = 0.34,
    double RimWidth = 0.025,
    double Jitter = 0.01,
    double RadiusJitter = 0.015,
    double InnerRing = 0.45,
    double InnerContrast = 0.10,
    double Aspect = 0,
    double Dent = 0,
    double Background = 0.42,
    double Interior = 0.10,
    double Rim = 0.88,
    double Gradient = 0.08,
    double Grain = 0.03,
    double Psf = 1.0)
{
    /// <summary>Reads overrides of these defaults from a spec; every key is optional and range-checked.</summary>
    /// <exception cref="ArgumentException">A value is out of range or the holes would not fit their cells.</exception>
    public HoleArrayParameters Read(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = new HoleArrayParameters(
            spec.GetInt("rows", Rows, 1, 200),
            spec.GetInt("columns", Columns, 1, 200),
            spec.GetDouble("radius", Radius, 0.02, 0.45),
            spec.GetDouble("rimwidth", RimWidth, 0.002, 0.1),
            spec.GetDouble("jitter", Jitter, 0, 0.05),
            spec.GetDouble("radiusjitter", RadiusJitter, 0, 0.1),
            spec.GetDouble("innerring", InnerRing, 0.1, 0.9),
            spec.GetDouble("innercontrast", InnerContrast, 0, 0.5),
            spec.GetDouble("aspect", Aspect, 0, 0.4),
            spec.GetDouble("dent", Dent, 0, 0.2),
            spec.GetDouble("background", Background, 0, 1),
            spec.GetDouble("interior", Interior, 0, 1),
            spec.GetDouble("rim", Rim, 0, 1),
            spec.GetDouble("gradient", Gradient, 0, 0.5),
            spec.GetDouble("grain", Grain, 0, 0.2),
            spec.GetDouble("psf", Psf, 0, 5));
        result.EnsureFits(spec.Name);
        return result;
    }

    /// <summary>Largest extent of a hole (rim plus its blur) as a fraction of the smaller pitch.</summary>
    [JsonIgnore]
    public double Extent =>
        Radius * (1 + 3 * RadiusJitter) * Math.Sqrt(1 + Aspect) * (1 + Dent) + 4 * RimWidth + 3 * Jitter;

    /// <summary>Throws when a hole could reach beyond its cell (neighbours would overlap).</summary>
    public void EnsureFits(string kind)
    {
        if (Extent > 0.5)
        {
            throw new ArgumentException(
                $"{kind}: holes do not fit their cells (radius {Radius}, rimwidth {RimWidth}, aspect {Aspect}, dent {Dent}, jitter {Jitter} reach {Extent:0.###} of the pitch; the limit is 0.5). Reduce radius, rimwidth, aspect, dent or jitter.",
                "radius");
        }
    }
}
