using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Gaussian;

/// <summary>Options of <see cref="GaussianDenoiser"/>; spec form <c>gaussian:sigma=1.5,radius=6,border=reflect</c>.</summary>
public sealed record GaussianOptions
{
    /// <summary>Standard deviation in pixels, (0, 100] (default 1).</summary>
    public double Sigma { get; init; } = 1.0;

    /// <summary>Kernel half-width in pixels, 0..500; 0 (default) picks OpenCV's float rule: ksize = round(8 sigma + 1) | 1, radius = (ksize - 1) / 2.</summary>
    public int Radius { get; init; }

    /// <summary>Border rule (default <see cref="BorderMode.Reflect"/>, OpenCV's BORDER_REFLECT_101).</summary>
    public BorderMode Border { get; init; } = BorderMode.Reflect;

    /// <summary>The radius actually used.</summary>
    public int EffectiveRadius => Radius > 0 ? Radius : ((int)Math.Round(Sigma * 8 + 1, MidpointRounding.ToEven) | 1) / 2;

    /// <summary>Reads the options from a parsed spec (absent keys take the defaults) and validates them.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a key is unknown.</exception>
    public static GaussianOptions FromSpec(NamedSpec spec)
    {
        var options = new GaussianOptions
        {
            Sigma = spec.GetDouble("sigma", 1.0, 1e-3, 100),
            Radius = spec.GetInt("radius", 0, 0, 500),
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
        if (!(Sigma >= 1e-3 && Sigma <= 100))
        {
            throw new ArgumentOutOfRangeException("sigma", Sigma, $"gaussian: parameter 'sigma' must be in [0.001, 100] pixels, got {Sigma}.");
        }

        if (Radius < 0 || Radius > 500)
        {
            throw new ArgumentOutOfRangeException("radius", Radius, $"gaussian: parameter 'radius' must be in [0, 500] (0 = from sigma), got {Radius}.");
        }
    }

    /// <summary>The canonical spec text with every option written out.</summary>
    public string ToSpec() => string.Create(CultureInfo.InvariantCulture,
        $"gaussian:sigma={Sigma},radius={EffectiveRadius},border={Internal.Border.ToSpec(Border)}");
}
