using SemRestore.Tensors;
using SemRestore.Tensors.Nn;

namespace SemRestore.Models.DnCnn;

/// <summary>
/// DnCNN: conv 3x3 (1 -> C) + ReLU; (Layers - 2) x [conv 3x3 (C -> C) + BatchNorm + ReLU]; conv 3x3 (C -> 1);
/// with residual learning the output is input - predicted noise. Input and output (N, 1, H, W), any H and W.
/// Parameter names follow KAIR's Sequential (<c>model.0.weight</c>, <c>model.2.weight</c>, ...).
/// </summary>
/// <remarks>Initialisation: PyTorch's default Kaiming-uniform (KAIR trains from an orthogonal init with gain 0.2).</remarks>
public sealed class DnCnnNetwork : Module
{
    private readonly Sequential _model;

    /// <exception cref="ArgumentException">Layers below 2 or channels not positive.</exception>
    public DnCnnNetwork(DnCnnOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (options.Layers < 2 || options.Channels < 1)
        {
            throw new ArgumentException($"DnCNN needs layers >= 2 and channels >= 1, got {options.Layers} and {options.Channels}.", nameof(options));
        }

        Options = options;
        var layers = new List<Module>
        {
            new Conv2d(1, options.Channels, 3, random, padding: 1),
            new ReLU(),
        };
        for (var i = 0; i < options.Layers - 2; i++)
        {
            layers.Add(new Conv2d(options.Channels, options.Channels, 3, random, padding: 1));
            if (options.BatchNorm)
            {
                // KAIR: eps 1e-4, momentum 0.9 (running stats take 90 % of the new batch).
                layers.Add(new BatchNorm2d(options.Channels, eps: 1e-4f, momentum: 0.9f));
            }

            layers.Add(new ReLU());
        }

        layers.Add(new Conv2d(options.Channels, 1, 3, random, padding: 1));
        _model = RegisterModule("model", new Sequential([.. layers]));
    }

    public DnCnnOptions Options { get; }

    /// <summary>(N, 1, H, W) -> (N, 1, H, W).</summary>
    /// <exception cref="ArgumentException">The input is not (N, 1, H, W).</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Dim(1) != 1)
        {
            throw new ArgumentException($"DnCNN: input must be (N, 1, H, W), got {input.ShapeString}.", nameof(input));
        }

        var noise = _model.Forward(input);
        return Options.Residual ? Ops.Sub(input, noise) : noise;
    }
}
