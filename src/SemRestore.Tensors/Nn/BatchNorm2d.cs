namespace SemRestore.Tensors.Nn;

/// <summary>
/// Batch normalisation (torch.nn.BatchNorm2d): parameters <c>weight</c> (ones) and <c>bias</c> (zeros),
/// buffers <c>running_mean</c> (zeros) and <c>running_var</c> (ones). PyTorch's int64
/// <c>num_batches_tracked</c> buffer is not kept (load PyTorch files with strict false, or drop the key).
/// </summary>
public sealed class BatchNorm2d : Module
{
    /// <summary>Creates the layer for <paramref name="channels"/> channels.</summary>
    public BatchNorm2d(int channels, float eps = 1e-5f, float momentum = 0.1f, bool affine = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", new Parameter(channels));
            Init.Constant(Weight, 1f);
            Bias = RegisterParameter("bias", new Parameter(channels));
        }

        RunningMean = RegisterBuffer("running_mean", new Buffer(0f, channels));
        RunningVar = RegisterBuffer("running_var", new Buffer(1f, channels));
    }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Running-average weight of the new batch statistics.</summary>
    public float Momentum { get; }

    /// <summary>Scale (C) or null.</summary>
    public Parameter? Weight { get; }

    /// <summary>Shift (C) or null.</summary>
    public Parameter? Bias { get; }

    /// <summary>Running mean (C).</summary>
    public Buffer RunningMean { get; }

    /// <summary>Running unbiased variance (C).</summary>
    public Buffer RunningVar { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) =>
        Ops.BatchNorm2d(input, RunningMean, RunningVar, Weight, Bias, IsTraining, Momentum, Eps);
}
