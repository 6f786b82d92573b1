using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Scenes;

/// <summary>
/// Parameters of a line/space grating. Spec keys are the property names in lower case (for example
/// <c>lines:lines=24,roughness=1.5,orientation=horizontal</c>).
/// </summary>
/// <param name="Lines">Lines across the image, 2-500.</param>
/// <param name="Duty">Line width as a fraction of the period, 0.1-0.9.</param>
/// <param name="Roughness">Line-edge roughness: standard deviation of each edge's position in pixels, 0-20.</param>
/// <param name="CorrelationLength">Correlation length of the roughness along the line in pixels, 1-500.</param>
/// <param name="Line">Intensity on top of a line, 0-1.</param>
/// <param name="Space">Intensity of the spaces, 0-1.</param>
/// <param name="Edge">Peak intensity at the edges (secondary-electron edge effect), 0-1.</param>
/// <param name="EdgeWidth">Standard deviation of the edge highlight in pixels, 0.3-20.</param>
/// <param name="Orientation"><c>vertical</c> lines (the scan crosses them) or <c>horizontal</c>.</param>
/// <param name="Gradient">Relative amplitude of the slow background gradient, 0-0.5.</param>
/// <param name="Grain">Amplitude of white grain before the beam blur, 0-0.2.</param>
/// <param name="Psf">Standard deviation of the Gaussian beam point-spread function in pixels, 0-5.</param>
public sealed record LineGratingParameters(
    int Lines = 16,
    double Duty = 0.5,
    double Roughness = 1.0,
    double CorrelationLength = 12,
    double Line = 0.55,
    double Space = 0.18,
    double Edge = 0.9,
    double EdgeWidth = 1.5,
    string Orientation = "vertical",
    double Gradient = 0.08,
    double Grain = 0.03,
    double Psf = 1.0)
{
    /// <summary>Reads overrides of these defaults from a spec.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public LineGratingParameters Read(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new LineGratingParameters(
            spec.GetInt("lines", Lines, 2, 500),
            spec.GetDouble("duty", Duty, 0.1, 0.9),
            spec.GetDouble("roughness", Roughness, 0, 20),
            spec.GetDouble("correlationlength", CorrelationLength, 1, 500),
            spec.GetDouble("line", Line, 0, 1),
            spec.GetDouble("space", Space, 0, 1),
            spec.GetDouble("edge", Edge, 0, 1),
            spec.GetDouble("edgewidth", EdgeWidth, 0.3, 20),
            spec.GetChoice("orientation", Orientation, "vertical", "horizontal"),
            spec.GetDouble("gradient", Gradient, 0, 0.5),
            spec.GetDouble("grain", Grain, 0, 0.2),
            spec.GetDouble("psf", Psf, 0, 5));
    }
}
