using SemRestore.Tensors;

namespace SemRestore.Tensors.Tests;

/// <summary>Seeded inputs for op tests.</summary>
internal static class TestTensors
{
    /// <summary>Uniform in [low, high), requiring grad.</summary>
    public static Tensor Uniform(int seed, float low, float high, params int[] shape)
    {
        var t = Tensor.Uniform(new Random(seed), low, high, shape);
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>Standard normal, requiring grad.</summary>
    public static Tensor Normal(int seed, params int[] shape)
    {
        var t = Tensor.Randn(seed, shape);
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>Values at least 0.1 away from zero in magnitude (for ReLU-like kinks), random signs.</summary>
    public static Tensor AwayFromZero(int seed, params int[] shape)
    {
        var random = new Random(seed);
        var t = Tensor.Empty(shape);
        var d = t.Data;
        for (var i = 0; i < d.Length; i++)
        {
            var magnitude = 0.1 + random.NextDouble();
            d[i] = (float)(random.Next(2) == 0 ? magnitude : -magnitude);
        }

        t.RequiresGrad = true;
        return t;
    }

    /// <summary>Distinct values on a grid with spacing 0.01, shuffled (no max-pool ties within eps).</summary>
    public static Tensor Distinct(int seed, params int[] shape)
    {
        var t = Tensor.Empty(shape);
        var values = Enumerable.Range(0, t.Length).Select(i => (float)(i * 0.01 - t.Length * 0.005)).ToArray();
        var random = new Random(seed);
        random.Shuffle(values);
        values.CopyTo(t.Data);
        t.RequiresGrad = true;
        return t;
    }
}
