namespace SemRestore.Tensors.Nn;

/// <summary>
/// Weight initialisers with torch.nn.init semantics. Fan-in of a (Cout, Cin/g, kH, kW) weight is
/// Cin/g*kH*kW, fan-out Cout*kH*kW (for a transposed-conv weight (Cin, Cout/g, kH, kW) the roles of the first
/// two axes follow the same rule, as in PyTorch). All draw from the explicit <see cref="Random"/>.
/// </summary>
public static class Init
{
    /// <summary>(fan_in, fan_out) of a weight as torch computes them (rank 1: both = length).</summary>
    public static (int FanIn, int FanOut) Fans(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank < 2)
        {
            return (weight.Length, weight.Length);
        }

        var receptive = weight.Length / (weight.Dim(0) * weight.Dim(1));
        return (weight.Dim(1) * receptive, weight.Dim(0) * receptive);
    }

    /// <summary>Gain for a leaky ReLU with negative slope a: sqrt(2 / (1 + a^2)) (a = 0 gives ReLU's sqrt 2).</summary>
    public static double LeakyReluGain(double a) => Math.Sqrt(2.0 / (1.0 + a * a));

    /// <summary>U(-b, b) with b = gain * sqrt(3 / fan_in), gain = sqrt(2/(1+a^2)) (kaiming_uniform_, mode fan_in).</summary>
    public static void KaimingUniform(Tensor weight, Random random, double a = 0)
    {
        var bound = LeakyReluGain(a) * Math.Sqrt(3.0 / Fans(weight).FanIn);
        Uniform(weight, random, -bound, bound);
    }

    /// <summary>N(0, std) with std = gain / sqrt(fan_in), gain = sqrt(2/(1+a^2)) (kaiming_normal_, mode fan_in).</summary>
    public static void KaimingNormal(Tensor weight, Random random, double a = 0) =>
        Normal(weight, random, 0, LeakyReluGain(a) / Math.Sqrt(Fans(weight).FanIn));

    /// <summary>U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)).</summary>
    public static void XavierUniform(Tensor weight, Random random, double gain = 1)
    {
        var (fanIn, fanOut) = Fans(weight);
        var bound = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
        Uniform(weight, random, -bound, bound);
    }

    /// <summary>N(0, gain * sqrt(2 / (fan_in + fan_out))).</summary>
    public static void XavierNormal(Tensor weight, Random random, double gain = 1)
    {
        var (fanIn, fanOut) = Fans(weight);
        Normal(weight, random, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
    }

    /// <summary>Uniform samples in [low, high).</summary>
    public static void Uniform(Tensor tensor, Random random, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(random);
        var data = tensor.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(low + (high - low) * random.NextDouble());
        }
    }

    /// <summary>Normal samples N(mean, std) (Box-Muller).</summary>
    public static void Normal(Tensor tensor, Random random, double mean, double std)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var samples = Tensor.Randn(random, tensor.Shape);
        var data = tensor.Data;
        var s = samples.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(mean + std * s[i]);
        }
    }

    /// <summary>Fills with a constant.</summary>
    public static void Constant(Tensor tensor, float value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.Data.Fill(value);
    }

    /// <summary>Fills with zeros.</summary>
    public static void Zeros(Tensor tensor) => Constant(tensor, 0f);
}
