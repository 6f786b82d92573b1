using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.TotalVariation;

/// <summary>
/// Options of <see cref="TotalVariationDenoiser"/> with skimage.restoration.denoise_tv_chambolle's meaning and defaults;
/// spec form <c>tv:weight=0.1,eps=0.0002,iterations=200</c>.
/// </summary>
public sealed record TotalVariationOptions
{
    /// <summary>Denoising weight in image units ([0, 1] scale), (0, 1000] (default 0.1): larger is smoother.</summary>
    public double Weight { get; init; } = 0.1;

    /// <summary>Stop when |E_prev - E| &lt; eps * E_0 for the energy E (default 2e-4), [0, 1].</summary>
    public double Eps { get; init; } = 2e-4;

    /// <summary>Maximum iterations, 1..10000 (default 200).</summary>
    public int Iterations { get; init; } = 200;

    /// <summary>Reads the options from a parsed spec (absent keys take the defaults) and validates them.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a key is unknown.</exception>
    public static TotalVariationOptions FromSpec(NamedSpec spec)
    {
        var options = new TotalVariationOptions
        {
            Weight = spec.GetDouble("weight", 0.1, 1e-6, 1000),
            Eps = spec.GetDouble("eps", 2e-4, 0, 1),
            Iterations = spec.GetInt("iterations", 200, 1, 10000),
        };
        spec.EnsureOnly();
        options.Validate();
        return options;
    }

    /// <summary>Checks every value against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the parameter.</exception>
    public void Validate()
    {
        if (!(Weight >= 1e-6 && Weight <= 1000))
        {
            throw new ArgumentOutOfRangeException("weight", Weight, $"tv: parameter 'weight' must be in [1e-06, 1000], got {Weight}.");
        }

        if (!(Eps >= 0 && Eps <= 1))
        {
            throw new ArgumentOutOfRangeException("eps", Eps, $"tv: parameter 'eps' must be in [0, 1], got {Eps}.");
        }

        if (Iterations < 1 || Iterations > 10000)
        {
            throw new ArgumentOutOfRangeException("iterations", Iterations, $"tv: parameter 'iterations' must be in [1, 10000], got {Iterations}.");
        }
    }

    /// <summary>The canonical spec text with every option written out.</summary>
    public string ToSpec() => string.Create(CultureInfo.InvariantCulture, $"tv:weight={Weight},eps={Eps},iterations={Iterations}");
}
