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

    /// <exception cref="ArgumentException">A value is out of range or a key is unknown.</exception>
    public static GaussianOptions FromSpec(NamedSpec spec)
    {
        var options = new GaussianOptions
        {
            Sigma = spec.GetDouble("sigma", 1.0, 1e-3, 100),
            Radius = spec.GetInt("radius", 0, 0, 500),
            Border = spec.GetChoice("border", "reflect", "reflect", "replicate") == "reflect" ? BorderMode.Reflect : BorderMode.Replicate,
        };
        spec.EnsureOnly();
        options.Validate();
        return options;
    }

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

    public string ToSpec() => string.Create(CultureInfo.InvariantCulture,
        $"gaussian:sigma={Sigma},radius={EffectiveRadius},border={Border.ToString().ToLowerInvariant()}");
}
