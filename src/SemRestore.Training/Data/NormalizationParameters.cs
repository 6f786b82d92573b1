using System.Numerics.Tensors;

namespace SemRestore.Training.Data;

/// <summary>
/// The affine map of one image: normalised = (value - <see cref="Low"/>) / <see cref="Range"/>;
/// <see cref="Invert"/> applies value = normalised * Range + Low.
/// </summary>
/// <param name="Low">Value that maps to 0.</param>
/// <param name="Range">Value span that maps to 1 (never zero: a flat image gets range 1).</param>
public readonly record struct NormalizationParameters(float Low, float Range)
{
    /// <summary>The identity map.</summary>
    public static NormalizationParameters Identity { get; } = new(0f, 1f);

    /// <summary>Normalises <paramref name="values"/> in place.</summary>
    public void Apply(Span<float> values)
    {
        TensorPrimitives.Subtract(values, Low, values);
        TensorPrimitives.Multiply(values, 1f / Range, values);
    }

    /// <summary>Maps normalised values back to the original range, in place.</summary>
    public void Invert(Span<float> values)
    {
        TensorPrimitives.Multiply(values, Range, values);
        TensorPrimitives.Add(values, Low, values);
    }
}
