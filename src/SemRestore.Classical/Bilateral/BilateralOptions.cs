using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Bilateral;

/// <summary>
/// Options of <see cref="BilateralDenoiser"/>, as cv2.bilateralFilter(src, d, sigmaColor, sigmaSpace) defines them;
/// spec form <c>bilateral:diameter=9,sigma_color=25,sigma_space=3</c>.
/// </summary>
public sealed record BilateralOptions
{
    /// <summary>Window diameter in pixels, 0..101; 0 (default) derives radius = round(1.5 sigma_space) as OpenCV does. The window is the disc of that radius.</summary>
    public int Diameter { get; init; }

    /// <summary>Range (intensity) sigma in 8-bit units (25 = 25/255 of full scale), (0, 10000] (default 25).</summary>
    public double SigmaColor { get; init; } = 25;

    /// <summary>Spatial sigma in pixels, (0, 100] (default 3).</summary>
    public double SigmaSpace { get; init; } = 3;

    /// <summary>Border rule (default <see cref="BorderMode.Reflect"/>, OpenCV's BORDER_REFLECT_101).</summary>
    public BorderMode Border { get; init; } = BorderMode.Reflect;

    /// <summary>The window radius used: diameter / 2 when given, else round(1.5 sigma_space); at least 1.</summary>
    public int EffectiveRadius => Math.Max(1, Diameter > 0 ? Diameter / 2 : (int)Math.Round(SigmaSpace * 1.5, MidpointRounding.ToEven));

    /// <summary>Reads the options from a parsed spec (absent keys take the defaults) and validates them.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a key is unknown.</exception>
    public static BilateralOptions FromSpec(NamedSpec spec)
    {
        var options = new BilateralOptions
        {
            Diameter = spec.GetInt("diameter", 0, 0, 101),
            SigmaColor = spec.GetDouble("sigma_color", 25, 1e-3, 10000),
            SigmaSpace = spec.GetDouble("sigma_space", 3, 1e-3, 100),
            Border = Internal.Border.FromSpec(spec),
        };
        spec.EnsureOnly();
        options.Validate();
        return options;
    }

    /// <summary>Checks every value against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the parameter.</exception>
    public void Validate()
    {
        if (Diameter < 0 || Diameter > 101)
        {
            throw new ArgumentOutOfRangeException("diameter", Diameter, $"bilateral: parameter 'diameter' must be in [0, 101] (0 = from sigma_space), got {Diameter}.");
        }

        if (!(SigmaColor >= 1e-3 && SigmaColor <= 10000))
        {
            throw new ArgumentOutOfRangeException("sigma_color", SigmaColor, $"bilateral: parameter 'sigma_color' must be in [0.001, 10000] (8-bit units), got {SigmaColor}.");
        }

        if (!(SigmaSpace >= 1e-3 && SigmaSpace <= 100))
        {
            throw new ArgumentOutOfRangeException("sigma_space", SigmaSpace, $"bilateral: parameter 'sigma_space' must be in [0.001, 100] pixels, got {SigmaSpace}.");
        }

        if (EffectiveRadius > 50)
        {
            throw new ArgumentOutOfRangeException("sigma_space", SigmaSpace, $"bilateral: the derived radius {EffectiveRadius} exceeds 50; lower 'sigma_space' or give 'diameter'.");
        }
    }

    /// <summary>The canonical spec text with every option written out.</summary>
    public string ToSpec() => string.Create(CultureInfo.InvariantCulture,
        $"bilateral:diameter={2 * EffectiveRadius + 1},sigma_color={SigmaColor},sigma_space={SigmaSpace},border={Internal.Border.ToSpec(Border)}");
}
