using SemRestore.Tensors.Nn;

namespace SemRestore.Tensors.Optim;

/// <summary>
/// Adam (Kingma and Ba 2015) with torch.optim.Adam's exact update (amsgrad false), per parameter at step t:
/// <code>
/// g = grad + weight_decay * p
/// m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g^2
/// p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
/// </code>
/// </summary>
public class Adam : Optimizer
{
    /// <summary>Creates the optimizer (torch defaults: betas 0.9, 0.999, eps 1e-8, no weight decay).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A beta outside [0, 1) or negative eps / weight decay.</exception>
    public Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        if (!(beta1 >= 0 && beta1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        }

        if (!(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        }

        if (!(eps >= 0) || !(weightDecay >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), "eps and weight decay must be >= 0.");
        }

        (Beta1, Beta2, Eps, WeightDecay) = (beta1, beta2, eps, weightDecay);
    }

    /// <summary>First-moment decay.</summary>
    public double Beta1 { get; private set; }

    /// <summary>Second-moment decay.</summary>
    public double Beta2 { get; private set; }

    /// <summary>Denominator offset.</summary>
    public double Eps { get; private set; }

    /// <summary>L2 penalty added to the gradient (AdamW decouples it instead).</summary>
    public double WeightDecay { get; private set; }

    /// <inheritdoc />
    protected override string Kind => "adam";

    /// <summary>True for AdamW's decoupled weight decay.</summary>
    protected virtual bool Decoupled => false;

    /// <inheritdoc />
    protected override void Update(int index, Parameter parameter, ReadOnlySpan<float> grad)
    {
        var p = parameter.Data;
        var m = State(index, "exp_avg", out _);
        var v = State(index, "exp_avg_sq", out _);
        var t = StepCount;
        var lr = LearningRate;
        if (Decoupled && WeightDecay != 0)
        {
            var decay = (float)(1 - lr * WeightDecay);
            System.Numerics.Tensors.TensorPrimitives.Multiply(p, decay, p);
        }

        float b1 = (float)Beta1, b2 = (float)Beta2, oneMinusB1 = (float)(1 - Beta1), oneMinusB2 = (float)(1 - Beta2);
        var wd = Decoupled ? 0f : (float)WeightDecay;
        var stepSize = (float)(lr / (1 - Math.Pow(Beta1, t)));
        var biasCorrection2Sqrt = (float)Math.Sqrt(1 - Math.Pow(Beta2, t));
        var eps = (float)Eps;
        for (var i = 0; i < p.Length; i++)
        {
            var g = wd == 0f ? grad[i] : grad[i] + wd * p[i];
            m[i] = m[i] * b1 + oneMinusB1 * g;
            v[i] = v[i] * b2 + oneMinusB2 * g * g;
            var denom = MathF.Sqrt(v[i]) / biasCorrection2Sqrt + eps;
            p[i] -= stepSize * (m[i] / denom);
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("beta1", Format(Beta1)), new("beta2", Format(Beta2)), new("eps", Format(Eps)), new("weight_decay", Format(WeightDecay)),
    ];

    /// <inheritdoc />
    protected override void LoadSettings(IReadOnlyDictionary<string, string> metadata)
    {
        Beta1 = ParseDouble(metadata, "beta1");
        Beta2 = ParseDouble(metadata, "beta2");
        Eps = ParseDouble(metadata, "eps");
        WeightDecay = ParseDouble(metadata, "weight_decay");
    }
}
