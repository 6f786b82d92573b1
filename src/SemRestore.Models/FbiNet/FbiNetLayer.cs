using SemRestore.Tensors;
using SemRestore.Tensors.Nn;

namespace SemRestore.Models.FbiNet;

/// <summary>
/// One FBI-Net module. First (New1_layer): <c>b = PReLU(New1(x))</c> with a single shared slope,
/// <c>o = RM(b)</c>. Later (New2_layer / New3_layer): <c>b = PReLU(NewK(b_prev))</c>,
/// <c>o = RM(PReLU((b + o_prev) / 2))</c>. Names as the reference: <c>new1</c>/<c>new2</c>/<c>new3</c>,
/// <c>activation_new1</c>, <c>activation_new2</c>, <c>residual_module</c>.
/// </summary>
public sealed class FbiNetLayer : Module
{
    private readonly MaskedConv _conv;
    private readonly PReLU _blindActivation;
    private readonly PReLU? _mergeActivation;
    private readonly ResidualModule _residual;

    private FbiNetLayer(string convName, MaskedConv conv, int activationChannels, int filters, int multiplier, bool first, Random random)
    {
        _conv = RegisterModule(convName, conv);
        if (first)
        {
            _residual = RegisterModule("residual_module", new ResidualModule(filters, multiplier, random));
            _blindActivation = RegisterModule("activation_new1", new PReLU(activationChannels, 0f));
        }
        else
        {
            _blindActivation = RegisterModule("activation_new1", new PReLU(activationChannels, 0f));
            _residual = RegisterModule("residual_module", new ResidualModule(filters, multiplier, random));
            _mergeActivation = RegisterModule("activation_new2", new PReLU(activationChannels, 0f));
        }
    }

    /// <summary>True for the first module (no merge with a previous output stream).</summary>
    public bool IsFirst => _mergeActivation is null;

    /// <summary>The masked convolution of the blind stream.</summary>
    public Conv2d Conv => _conv.Conv;

    /// <summary>New1_layer: masked 3x3 (centre removed), in -&gt; filters; PReLU with one slope (the reference
    /// constructs it with the input channel count).</summary>
    public static FbiNetLayer CreateFirst(int inChannels, int filters, int multiplier, bool blind, Random random) =>
        new("new1", new MaskedConv(inChannels, filters, 3, 1, 1, blind ? BlindSpotMasks.New1 : null, random), inChannels, filters, multiplier, true, random);

    /// <summary>New2_layer: masked 5x5 (knight taps and centre).</summary>
    public static FbiNetLayer CreateSecond(int filters, int multiplier, bool blind, Random random) =>
        new("new2", new MaskedConv(filters, filters, 5, 2, 1, blind ? BlindSpotMasks.New2 : null, random), filters, filters, multiplier, false, random);

    /// <summary>New3_layer: masked 3x3 at dilation 3 (diagonals and centre).</summary>
    public static FbiNetLayer CreateDilated(int filters, int multiplier, bool blind, Random random) =>
        new("new3", new MaskedConv(filters, filters, 3, 3, 3, blind ? BlindSpotMasks.New3 : null, random), filters, filters, multiplier, false, random);

    /// <summary>Runs the module: returns (output stream o, blind stream b). For the first module
    /// <paramref name="previousOutput"/> is ignored and <paramref name="previousBlind"/> is the image.</summary>
    public (Tensor Output, Tensor Blind) Apply(Tensor? previousOutput, Tensor previousBlind)
    {
        ArgumentNullException.ThrowIfNull(previousBlind);
        var conv = _conv.Forward(previousBlind);
        var blind = _blindActivation.Forward(conv);
        ReleaseIfInference(conv, previousBlind);
        if (_mergeActivation is null)
        {
            return (_residual.Forward(blind), blind);
        }

        ArgumentNullException.ThrowIfNull(previousOutput);
        var sum = Ops.Add(blind, previousOutput);
        var half = Ops.Mul(sum, 0.5f);
        ReleaseIfInference(sum, previousBlind);
        var merged = _mergeActivation.Forward(half);
        ReleaseIfInference(half, previousBlind);
        var output = _residual.Forward(merged);
        ReleaseIfInference(merged, previousBlind);
        return (output, blind);
    }

    /// <summary>Not a single-input module: use <see cref="Apply"/>.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("FbiNetLayer takes two streams; call Apply(previousOutput, previousBlind).");
}
