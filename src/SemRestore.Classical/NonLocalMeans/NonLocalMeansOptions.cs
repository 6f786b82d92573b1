using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.NonLocalMeans;

/// <summary>
/// Options of <see cref="NonLocalMeansDenoiser"/> with cv2.fastNlMeansDenoising's meaning and defaults;
/// spec form <c>nlm:h=3,template=7,search=21</c>.
/// </summary>
public sealed record NonLocalMeansOptions
{
    /// <summary>Filter strength in 8-bit units, (0, 10000] (default 3, OpenCV's): weight = exp(-d2 / h^2).</summary>
    public double H { get; init; } = 3;

    /// <summary>Patch (template) side, odd, 1..35 (default 7, OpenCV's templateWindowSize).</summary>
    public int TemplateSize { get; init; } = 7;

    /// <summary>Search window side, odd, 1..101 (default 21, OpenCV's searchWindowSize).</summary>
    public int SearchSize { get; init; } = 21;

    /// <summary>Reads the options from a parsed spec (absent keys take the defaults) and validates them.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a key is unknown.</exception>
    public static NonLocalMeansOptions FromSpec(NamedSpec spec)
    {
        var options = new NonLocalMeansOptions
        {
            H = spec.GetDouble("h", 3, 1e-3, 10000),
            TemplateSize = spec.GetInt("template", 7, 1, 35),
            SearchSize = spec.GetInt("search", 21, 1, 101),
        };
        spec.EnsureOnly();
        options.Validate();
        return options;
    }

    /// <summary>Checks every value against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the parameter.</exception>
    public void Validate()
    {
        if (!(H >= 1e-3 && H <= 10000))
        {
            throw new ArgumentOutOfRangeException("h", H, $"nlm: parameter 'h' must be in [0.001, 10000] (8-bit units), got {H}.");
        }

        if (TemplateSize < 1 || TemplateSize > 35 || TemplateSize % 2 == 0)
        {
            throw new ArgumentOutOfRangeException("template", TemplateSize, $"nlm: parameter 'template' must be an odd number in [1, 35], got {TemplateSize}.");
        }

        if (SearchSize < 1 || SearchSize > 101 || SearchSize % 2 == 0)
        {
            throw new ArgumentOutOfRangeException("search", SearchSize, $"nlm: parameter 'search' must be an odd number in [1, 101], got {SearchSize}.");
        }
    }

    /// <summary>The canonical spec text with every option written out.</summary>
    public string ToSpec() => string.Create(CultureInfo.InvariantCulture, $"nlm:h={H},template={TemplateSize},search={SearchSize}");
}
