using SemRestore.Tensors;
using SemRestore.Tensors.Nn;

namespace SemRestore.Models.FbiNet;

/// <summary>
/// FBI-Net, the blind-spot network of FBI-Denoiser (Byun et al. 2021) that ReNIn trains (SPECS A2). Two
/// streams: the blind stream b passes through masked convolutions (New1 3x3 without centre, New2 5x5
/// knight taps, L - 2 New3 dilated-3 diagonals), the output stream o through residual 1x1 modules;
/// <c>y = Conv1x1(RM(PReLU(sum_i o_i / L)))</c>. With <c>Blind</c> the output at a pixel never depends on
/// the input at that pixel; the receptive-field radius is 3L - 3 (48 for L = 17).
/// </summary>
/// <remarks>Parameter names follow the reference (<c>new1.new1.conv1.weight</c>, <c>new_0.new3.conv1.weight</c>,
/// <c>residual_module.conv1_1by1.weight</c>, <c>activation.weight</c>, <c>output_layer.weight</c>). PyTorch default
/// conv init; PReLU slopes start at 0. Any input size works (same padding throughout).</remarks>
public sealed class FbiNet : Module
{
    private readonly List<FbiNetLayer> _layers = [];
    private readonly ResidualModule _residual;
    private readonly PReLU _activation;
    private readonly Conv2d _outputLayer;

    /// <summary>Builds and initialises the network.</summary>
    public FbiNet(FbiNetOptions? options = null)
    {
        Options = options ?? new FbiNetOptions();
        Options.Validate();
        var random = new Random(Options.Seed);
        int f = Options.Filters, mul = Options.Multiplier;
        _layers.Add(RegisterModule("new1", FbiNetLayer.CreateFirst(Options.InChannels, f, mul, Options.Blind, random)));
        _layers.Add(RegisterModule("new2", FbiNetLayer.CreateSecond(f, mul, Options.Blind, random)));
        for (var i = 0; i < Options.Layers - 2; i++)
        {
            _layers.Add(RegisterModule($"new_{i}", FbiNetLayer.CreateDilated(f, mul, Options.Blind, random)));
        }

        _residual = RegisterModule("residual_module", new ResidualModule(f, mul, random));
        _activation = RegisterModule("activation", new PReLU(f, 0f));
        _outputLayer = RegisterModule("output_layer", new Conv2d(f, Options.OutChannels, 1, random));
    }

    /// <summary>The configuration.</summary>
    public FbiNetOptions Options { get; }

    /// <summary>The L modules in order (New1, New2, New3...).</summary>
    public IReadOnlyList<FbiNetLayer> Layers => _layers;

    /// <summary>(N, InChannels, H, W) -> (N, OutChannels, H, W).</summary>
    /// <exception cref="ArgumentException">Wrong rank or channel count.</exception>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Dim(1) != Options.InChannels)
        {
            throw new ArgumentException($"FbiNet: input must be (N, {Options.InChannels}, H, W), got {input.ShapeString}.", nameof(input));
        }

        Tensor? output = null;
        Tensor blind = input;
        Tensor? sum = null;
        foreach (var layer in _layers)
        {
            var (o, b) = layer.Apply(output, blind);
            ReleaseIfInference(blind, input);
            blind = b;
            if (sum is null)
            {
                sum = o;
            }
            else
            {
                var next = Ops.Add(sum, o);
                if (!ReferenceEquals(sum, output))
                {
                    ReleaseIfInference(sum, input);
                }

                sum = next;
            }

            if (output is not null && !ReferenceEquals(output, o))
            {
                ReleaseIfInference(output, input);
            }

            output = o;
        }

        ReleaseIfInference(blind, input);
        var mean = Ops.Mul(sum!, 1f / Options.Layers);
        if (!ReferenceEquals(sum, output))
        {
            ReleaseIfInference(sum!, input);
        }

        ReleaseIfInference(output!, input);
        var h = _activation.Forward(mean);
        ReleaseIfInference(mean, input);
        var r = _residual.Forward(h);
        ReleaseIfInference(h, input);
        var y = _outputLayer.Forward(r);
        ReleaseIfInference(r, input);
        return y;
    }
}
