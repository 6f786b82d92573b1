namespace SemRestore.Tensors.Nn;

/// <summary>
/// 2-D convolution layer (torch.nn.Conv2d). Parameters <c>weight</c> (Cout, Cin/groups, k, k) and
/// <c>bias</c> (Cout). Default initialisation as PyTorch: kaiming_uniform_(a = sqrt 5), i.e. U(-1/sqrt(fan_in),
/// 1/sqrt(fan_in)), bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)). An optional tap mask makes it a blind-spot
/// convolution: masked taps are zeroed in the weight, skipped by the kernels and get no gradient.
/// </summary>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer and initialises it from <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentException">Non-positive sizes, channels not divisible by groups, or a mask of the wrong length.</exception>
    public Conv2d(int inChannels, int outChannels, int kernelSize, Random random, int stride = 1, int padding = 0,
        int dilation = 1, int groups = 1, bool bias = true, PaddingMode paddingMode = PaddingMode.Zeros, bool[]? tapMask = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0 || groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"Conv2d: channels {inChannels} -> {outChannels}, kernel {kernelSize} and groups {groups} must be positive with channels divisible by groups.");
        }

        if (tapMask is not null && tapMask.Length != kernelSize * kernelSize)
        {
            throw new ArgumentException($"Conv2d: tap mask has {tapMask.Length} entries, expected {kernelSize * kernelSize}.", nameof(tapMask));
        }

        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Settings = Conv2dSettings.Square(stride, padding, dilation, groups, paddingMode, tapMask?.ToArray());
        Weight = RegisterParameter("weight", new Parameter(outChannels, inChannels / groups, kernelSize, kernelSize));
        Init.KaimingUniform(Weight, random, Math.Sqrt(5));
        if (bias)
        {
            Bias = RegisterParameter("bias", new Parameter(outChannels));
            var bound = 1.0 / Math.Sqrt(Init.Fans(Weight).FanIn);
            Init.Uniform(Bias, random, -bound, bound);
        }

        ApplyMask();
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Square kernel size.</summary>
    public int KernelSize { get; }

    /// <summary>Stride, padding, dilation, groups, padding mode and mask.</summary>
    public Conv2dSettings Settings { get; }

    /// <summary>(Cout, Cin/groups, k, k).</summary>
    public Parameter Weight { get; }

    /// <summary>(Cout), or null when created without bias.</summary>
    public Parameter? Bias { get; }

    /// <summary>Zeroes the masked-out taps of the weight (so the stored weight equals weight * mask, as the
    /// PyTorch blind-spot code keeps it). Call after loading or re-initialising weights.</summary>
    public void ApplyMask()
    {
        var mask = Settings.TapMask;
        if (mask is null)
        {
            return;
        }

        var taps = mask.Length;
        var w = Weight.Data;
        for (var i = 0; i < w.Length; i++)
        {
            if (!mask[i % taps])
            {
                w[i] = 0f;
            }
        }
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Ops.Conv2d(input, Weight, Bias, Settings);
}
