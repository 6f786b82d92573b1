using System.Globalization;
using SemRestore.Tensors.Nn;

namespace SemRestore.Tensors.Optim;

/// <summary>
/// Base of the optimizers: holds the parameter list (order matters for state), the learning rate and the
/// step counter. <see cref="Step"/> updates parameters in place from their gradients, skipping parameters
/// without a gradient (as PyTorch skips grad None).
/// </summary>
public abstract class Optimizer
{
    private readonly Dictionary<string, Tensor> _state = new(StringComparer.Ordinal);

    /// <summary>Stores the parameters and the initial learning rate.</summary>
    /// <exception cref="ArgumentException">No parameters, or a non-positive or non-finite learning rate.</exception>
    protected Optimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToList();
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("optimizer: the parameter list is empty.", nameof(parameters));
        }

        if (!(learningRate >= 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learning rate must be finite and >= 0.");
        }

        LearningRate = learningRate;
    }

    /// <summary>The parameters in the order their state is indexed.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Current learning rate (schedules set it before each step).</summary>
    public double LearningRate { get; set; }

    /// <summary>Number of completed <see cref="Step"/> calls.</summary>
    public long StepCount { get; protected set; }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (p.Grad is not null)
            {
                Update(i, p, p.Grad.Data);
            }
        }
    }

    /// <summary>Drops every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Updates one parameter; <paramref name="index"/> keys its state.</summary>
    protected abstract void Update(int index, Parameter parameter, ReadOnlySpan<float> grad);

    /// <summary>Name written to the state metadata (e.g. "adam").</summary>
    protected abstract string Kind { get; }

    /// <summary>Scalar settings to save (besides type, lr and step).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => [];

    /// <summary>The per-parameter state tensor <paramref name="name"/>, created as zeros on first use.</summary>
    protected Span<float> State(int index, string name, out bool created)
    {
        var key = $"state.{index}.{name}";
        created = false;
        if (!_state.TryGetValue(key, out var t))
        {
            t = Tensor.ZerosUntracked(Parameters[index].ShapeRef);
            _state[key] = t;
            created = true;
        }

        return t.Data;
    }

    /// <summary>Snapshot (copies) of the state for saving.</summary>
    public OptimizerState SaveState()
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (k, v) in _state)
        {
            tensors[k] = v.Clone();
        }

        var meta = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["optimizer"] = Kind,
            ["lr"] = LearningRate.ToString("R", CultureInfo.InvariantCulture),
            ["step"] = StepCount.ToString(CultureInfo.InvariantCulture),
            ["parameters"] = Parameters.Count.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (k, v) in Settings())
        {
            meta[k] = v;
        }

        return new OptimizerState(tensors, meta);
    }

    /// <summary>Restores state saved by <see cref="SaveState"/> from an optimizer of the same kind over the same
    /// parameter shapes (learning rate and step counter included).</summary>
    /// <exception cref="ArgumentException">Another optimizer kind, parameter count, or a state tensor whose
    /// shape does not match its parameter (the message names the key and both shapes).</exception>
    public void LoadState(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Metadata.TryGetValue("optimizer", out var kind) || kind != Kind)
        {
            throw new ArgumentException($"optimizer state is for '{kind ?? "(none)"}', this optimizer is '{Kind}'.", nameof(state));
        }

        if (!state.Metadata.TryGetValue("parameters", out var count) || count != Parameters.Count.ToString(CultureInfo.InvariantCulture))
        {
            throw new ArgumentException($"optimizer state has {count ?? "(unknown)"} parameters, this optimizer has {Parameters.Count}.", nameof(state));
        }

        var loaded = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, t) in state.Tensors)
        {
            var parts = key.Split('.');
            if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= Parameters.Count)
            {
                throw new ArgumentException($"optimizer state: unexpected key '{key}'.", nameof(state));
            }

            if (!t.SameShape(Parameters[index]))
            {
                throw new ArgumentException($"optimizer state: '{key}' has shape {t.ShapeString}, parameter {index} has {Parameters[index].ShapeString}.", nameof(state));
            }

            var copy = Tensor.EmptyUntracked(t.ShapeRef);
            t.Data.CopyTo(copy.Data);
            loaded[key] = copy;
        }

        foreach (var old in _state.Values)
        {
            old.Dispose();
        }

        _state.Clear();
        foreach (var (k, v) in loaded)
        {
            _state[k] = v;
        }

        LearningRate = double.Parse(state.Metadata["lr"], CultureInfo.InvariantCulture);
        StepCount = long.Parse(state.Metadata["step"], CultureInfo.InvariantCulture);
        LoadSettings(state.Metadata);
    }

    /// <summary>Reads back what <see cref="Settings"/> wrote.</summary>
    protected virtual void LoadSettings(IReadOnlyDictionary<string, string> metadata)
    {
    }

    /// <summary>Invariant round-trip text of a double.</summary>
    protected static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses <see cref="Format"/>'s output.</summary>
    protected static double ParseDouble(IReadOnlyDictionary<string, string> metadata, string key) =>
        double.Parse(metadata[key], CultureInfo.InvariantCulture);
}
