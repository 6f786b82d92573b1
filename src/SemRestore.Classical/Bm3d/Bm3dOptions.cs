using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Bm3d;

/// <summary>Options of <see cref="Bm3dDenoiser"/>; spec form <c>bm3d:sigma=25,steps=2</c>.</summary>
public sealed record Bm3dOptions
{
    /// <summary>Noise standard deviation in 8-bit units (25 = 25/255 of full scale), (0, 1000] (default 25).</summary>
    public double Sigma { get; init; } = 25;

    /// <summary>1 = hard-thresholding stage only (the ReNIn baseline ran sigma 140, steps 1); 2 (default) adds the Wiener stage.</summary>
    public int Steps { get; init; } = 2;

    /// <summary>Reads the options from a parsed spec (absent keys take the defaults) and validates them.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a key is unknown.</exception>
    public static Bm3dOptions FromSpec(NamedSpec spec)
    {
        var options = new Bm3dOptions
        {
            Sigma = spec.GetDouble("sigma", 25, 1e-3, 1000),
            Steps = spec.GetInt("steps", 2, 1, 2),
        };
        spec.EnsureOnly();
        options.Validate();
        return options;
    }

    /// <summary>Checks every value against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the parameter.</exception>
    public void Validate()
    {
        if (!(Sigma >= 1e-3 && Sigma <= 1000))
        {
            throw new ArgumentOutOfRangeException("sigma", Sigma, $"bm3d: parameter 'sigma' must be in [0.001, 1000] (8-bit units), got {Sigma}.");
        }

        if (Steps is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException("steps", Steps, $"bm3d: parameter 'steps' must be in [1, 2], got {Steps}.");
        }
    }

    /// <summary>The canonical spec text with every option written out.</summary>
    public string ToSpec() => string.Create(CultureInfo.InvariantCulture, $"bm3d:sigma={Sigma},steps={Steps}");
}
