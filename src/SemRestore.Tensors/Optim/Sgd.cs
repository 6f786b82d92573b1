using SemRestore.Tensors.Nn;

namespace SemRestore.Tensors.Optim;

/// <summary>
/// Stochastic gradient descent with torch.optim.SGD's update:
/// <code>
/// d = grad + weight_decay * p
/// buf = d (first step) or momentum * buf + (1 - dampening) * d
/// d = nesterov ? d + momentum * buf : buf      (when momentum != 0)
/// p -= lr * d
/// </code>
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    /// <exception cref="ArgumentException">Negative momentum, dampening or weight decay, or Nesterov without momentum / with dampening.</exception>
    public Sgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        if (!(momentum >= 0) || !(dampening >= 0) || !(weightDecay >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), "momentum, dampening and weight decay must be >= 0.");
        }

        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum > 0 and zero dampening.", nameof(nesterov));
        }

        (Momentum, Dampening, WeightDecay, Nesterov) = (momentum, dampening, weightDecay, nesterov);
    }

    /// <summary>Momentum factor.</summary>
    public double Momentum { get; private set; }

    /// <summary>Dampening of the momentum.</summary>
    public double Dampening { get; private set; }

    /// <summary>L2 penalty.</summary>
    public double WeightDecay { get; private set; }

    /// <summary>Nesterov momentum.</summary>
    public bool Nesterov { get; private set; }

    /// <inheritdoc />
    protected override string Kind => "sgd";

    /// <inheritdoc />
    protected override void Update(int index, Parameter parameter, ReadOnlySpan<float> grad)
    {
        var p = parameter.Data;
        float lr = (float)LearningRate, wd = (float)WeightDecay, mom = (float)Momentum, damp = (float)(1 - Dampening);
        var first = false;
        Span<float> buf = default;
        if (Momentum != 0)
        {
            buf = State(index, "momentum_buffer", out first);
        }

        for (var i = 0; i < p.Length; i++)
        {
            var d = grad[i] + wd * p[i];
            if (Momentum != 0)
            {
                buf[i] = first ? d : buf[i] * mom + damp * d;
                d = Nesterov ? d + mom * buf[i] : buf[i];
            }

            p[i] -= lr * d;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("momentum", Format(Momentum)), new("dampening", Format(Dampening)), new("weight_decay", Format(WeightDecay)),
        new("nesterov", Nesterov ? "true" : "false"),
    ];

    /// <inheritdoc />
    protected override void LoadSettings(IReadOnlyDictionary<string, string> metadata)
    {
        Momentum = ParseDouble(metadata, "momentum");
        Dampening = ParseDouble(metadata, "dampening");
        WeightDecay = ParseDouble(metadata, "weight_decay");
        Nesterov = metadata["nesterov"] == "true";
    }
}
