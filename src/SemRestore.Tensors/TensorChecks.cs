namespace SemRestore.Tensors;

/// <summary>Guards for values that must be finite (losses, gradients, network outputs).</summary>
public static class TensorChecks
{
    /// <summary>Throws when any element is NaN or infinite, naming <paramref name="what"/>, the first bad index,
    /// its value and how many elements are bad.</summary>
    /// <exception cref="ArithmeticException">A non-finite element was found.</exception>
    public static void EnsureFinite(Tensor tensor, string what)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var data = tensor.Data;
        var first = -1;
        var count = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (!float.IsFinite(data[i]))
            {
                if (first < 0)
                {
                    first = i;
                }

                count++;
            }
        }

        if (first >= 0)
        {
            throw new ArithmeticException($"{what}: {count} of {data.Length} elements of tensor {tensor.ShapeString} are not finite (first at flat index {first}: {data[first]}).");
        }
    }

    /// <summary>True when every element is finite.</summary>
    public static bool IsFinite(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        foreach (var v in tensor.Data)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
