using System.Numerics.Tensors;
using SemRestore.Imaging;
using SemRestore.Imaging.Geometry;
using SemRestore.Imaging.Specs;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Synthesis.Degradation;

/// <summary>
/// Down-then-up scaling: shrink by a factor drawn from a range with one method, then enlarge back to the original
/// size with another, both drawn from <c>methods</c> (SEMNet's rescaling degradation), with the foundation's
/// <see cref="Resampler"/> (PIL-style, anti-aliased when shrinking); the result is clamped to [0, 1].
/// <c>rescale:factor=1..4,methods=nearest|bilinear|bicubic|lanczos</c> (defaults: factor 1..4, all four methods).
/// </summary>
public sealed class RescaleDegradation : IDegradation
{
    private static readonly string[] s_methods = ["nearest", "bilinear", "bicubic", "lanczos"];

    public RescaleDegradation(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Factor = ParameterRange.Read(spec, "factor", new ParameterRange(1, 4), 1, 16);
        var methods = spec.GetString("methods", string.Join('|', s_methods)).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var method in methods)
        {
            if (Array.IndexOf(s_methods, method.ToLowerInvariant()) < 0)
            {
                throw new ArgumentException($"rescale: method '{method}' is not one of {string.Join(", ", s_methods)}.", "methods");
            }
        }

        Methods = methods.Length > 0 ? methods.Select(m => m.ToLowerInvariant()).ToArray()
            : throw new ArgumentException("rescale: 'methods' lists no method.", "methods");
        spec.EnsureOnly();
    }

    public ParameterRange Factor { get; }

    public IReadOnlyList<string> Methods { get; }

    public string Spec => $"rescale:factor={Factor},methods={string.Join('|', Methods)}";

    public GrayImage Apply(GrayImage image, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var random = new CounterRandom(seed);
        var factor = Factor.Draw(ref random);
        var down = Methods[random.NextInt(Methods.Count)];
        var up = Methods[random.NextInt(Methods.Count)];
        var width = Math.Max(1, (int)Math.Round(image.Width / factor));
        var height = Math.Max(1, (int)Math.Round(image.Height / factor));
        var small = Resampler.Resize(image, width, height, Method(down));
        cancellationToken.ThrowIfCancellationRequested();
        var result = Resampler.Resize(small, image.Width, image.Height, Method(up));
        TensorPrimitives.Clamp(result.Pixels, 0f, 1f, result.Pixels);
        result.CopyMetadataFrom(image);
        result.BitDepth = image.BitDepth;
        return result;
    }

    private static ResampleMethod Method(string name) => name switch
    {
        "nearest" => ResampleMethod.Nearest,
        "bilinear" => ResampleMethod.Bilinear,
        "bicubic" => ResampleMethod.Bicubic,
        _ => ResampleMethod.Lanczos3,
    };
}
