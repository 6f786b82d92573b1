namespace SemRestore.Tensors.Nn;

/// <summary>
/// Transposed convolution layer (torch.nn.ConvTranspose2d): <c>weight</c> (Cin, Cout/groups, k, k),
/// <c>bias</c> (Cout). Default init as PyTorch (kaiming_uniform_ a = sqrt 5 on the weight, whose fan-in is
/// computed from axis 1, i.e. Cout/groups*k*k; bias U(-1/sqrt(fan_in), 1/sqrt(fan_in))).
/// </summary>
public sealed class ConvTranspose2d : Module
{
    private readonly int _stride;
    private readonly int _padding;
    private readonly int _outputPadding;
    private readonly int _dilation;
    private readonly int _groups;

    /// <summary>Creates the layer and initialises it from <paramref name="random"/>.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, Random random, int stride = 1, int padding = 0,
        int outputPadding = 0, int dilation = 1, int groups = 1, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0 || groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"ConvTranspose2d: channels {inChannels} -> {outChannels}, kernel {kernelSize} and groups {groups} must be positive with channels divisible by groups.");
        }

        (_stride, _padding, _outputPadding, _dilation, _groups) = (stride, padding, outputPadding, dilation, groups);
        Weight = RegisterParameter("weight", new Parameter(inChannels, outChannels / groups, kernelSize, kernelSize));
        Init.KaimingUniform(Weight, random, Math.Sqrt(5));
        if (bias)
        {
            Bias = RegisterParameter("bias", new Parameter(outChannels));
            var bound = 1.0 / Math.Sqrt(Init.Fans(Weight).FanIn);
            Init.Uniform(Bias, random, -bound, bound);
        }
    }

    /// <summary>(Cin, Cout/groups, k, k).</summary>
    public Parameter Weight { get; }

    /// <summary>(Cout) or null.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) =>
        Ops.ConvTranspose2d(input, Weight, Bias, _stride, _padding, _outputPadding, _dilation, _groups);
}
