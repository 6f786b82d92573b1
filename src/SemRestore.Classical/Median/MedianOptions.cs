using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Classical.Median;

/// <summary>Options of <see cref="MedianDenoiser"/>; spec form <c>median:size=11,passes=3,border=reflect</c>.</summary>
public sealed record MedianOptions
{
    /// <summary>Window side in pixels, odd, 1..255 (default 3). Size 1 copies the image.</summary>
    public int Size { get; init; } = 3;

    /// <summary>How many times the filter is applied in a row, 1..100 (default 1). The ReNIn baseline is size 11, 3 passes.</summary>
    public int Passes { get; init; } = 1;

    /// <summary>Border rule (default <see cref="BorderMode.Reflect"/>, as the ReNIn baseline; cv2.medianBlur uses <see cref="BorderMode.Replicate"/>).</summary>
    public BorderMode Border { get; init; } = BorderMode.Reflect;

    /// <summary>Reads <c>size</c>, <c>passes</c> and <c>border</c> (reflect|replicate); rejects unknown keys.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a key is unknown.</exception>
    public static MedianOptions FromSpec(NamedSpec spec)
    {
        var options = new MedianOptions
        {
            Size = spec.GetInt("size", 3, 1, 255),
            Passes = spec.GetInt("passes", 1, 1, 100),
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
        if (Size < 1 || Size > 255 || Size % 2 == 0)
        {
            throw new ArgumentOutOfRangeException("size", Size, $"median: parameter 'size' must be an odd number in [1, 255], got {Size}.");
        }

        if (Passes < 1 || Passes > 100)
        {
            throw new ArgumentOutOfRangeException("passes", Passes, $"median: parameter 'passes' must be in [1, 100], got {Passes}.");
        }
    }

    /// <summary>The canonical spec text with every option written out.</summary>
    public string ToSpec() => string.Create(CultureInfo.InvariantCulture,
        $"median:size={Size},passes={Passes},border={Internal.Border.ToSpec(Border)}");
}
