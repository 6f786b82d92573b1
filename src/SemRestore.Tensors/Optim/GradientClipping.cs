using SemRestore.Tensors.Nn;

namespace SemRestore.Tensors.Optim;

/// <summary>Gradient clipping as torch.nn.utils.clip_grad_norm_ / clip_grad_value_.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients by <c>maxNorm / (total + 1e-6)</c> when that is below 1, where total is the
    /// 2-norm of all gradients together (computed in double). Parameters without a gradient are skipped.
    /// </summary>
    /// <returns>The total norm before clipping (NaN/inf when a gradient is not finite).</returns>
    /// <exception cref="ArgumentOutOfRangeException">maxNorm &lt;= 0.</exception>
    public static double ClipGradNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(maxNorm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "maxNorm must be > 0.");
        }

        var list = parameters.Where(p => p.Grad is not null).ToList();
        double sumSquares = 0;
        foreach (var p in list)
        {
            foreach (var g in p.Grad!.Data)
            {
                sumSquares += (double)g * g;
            }
        }

        var total = Math.Sqrt(sumSquares);
        var coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1)
        {
            foreach (var p in list)
            {
                var g = p.Grad!.Data;
                System.Numerics.Tensors.TensorPrimitives.Multiply(g, (float)coefficient, g);
            }
        }

        return total;
    }

    /// <summary>Clamps every gradient element to [-clipValue, clipValue].</summary>
    public static void ClipGradValue(IEnumerable<Parameter> parameters, float clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(clipValue > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(clipValue), clipValue, "clipValue must be > 0.");
        }

        foreach (var p in parameters)
        {
            if (p.Grad is { } grad)
            {
                var g = grad.Data;
                System.Numerics.Tensors.TensorPrimitives.Max(g, -clipValue, g);
                System.Numerics.Tensors.TensorPrimitives.Min(g, clipValue, g);
            }
        }
    }
}
