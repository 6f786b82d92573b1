
namespace SemRestore.Tensors.Nn;

/// <summary>
/// A network building block in the spirit of torch.nn.Module: named parameters, buffers and
/// submodules registered in construction order; dotted PyTorch-style names
/// (<c>enc_conv0.weight</c>); train/eval mode; state dicts.
/// </summary>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Parameter>> _parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> _buffers = [];
    private readonly List<KeyValuePair<string, Module>> _modules = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Computes the module's output (graph recorded when grad mode is on).</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Total number of learnable scalars.</summary>
    public long ParameterCount => Parameters().Sum(p => (long)p.Length);

    /// <summary>Registers a learnable tensor under <paramref name="name"/> (no dots).</summary>
    /// <exception cref="ArgumentException">The name is empty, contains a dot, or is already used.</exception>
    protected Parameter RegisterParameter(string name, Parameter parameter)
    {
        CheckName(name);
        _parameters.Add(new(name, parameter ?? throw new ArgumentNullException(nameof(parameter))));
        return parameter;
    }

    /// <summary>Registers a non-learnable state tensor (saved in the state dict).</summary>
    protected Buffer RegisterBuffer(string name, Buffer buffer)
    {
        CheckName(name);
        _buffers.Add(new(name, buffer ?? throw new ArgumentNullException(nameof(buffer))));
        return buffer;
    }

    /// <summary>Registers a child module; its entries appear as <c>name.child_entry</c>.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        CheckName(name);
        _modules.Add(new(name, module ?? throw new ArgumentNullException(nameof(module))));
        return module;
    }

    /// <summary>Direct children in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedChildren() => _modules;

    /// <summary>Every parameter with its dotted name, depth first in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Parameter>> NamedParameters(string prefix = "")
    {
        foreach (var (name, p) in _parameters)
        {
            yield return new(prefix + name, p);
        }

        foreach (var (name, m) in _modules)
        {
            foreach (var entry in m.NamedParameters(prefix + name + "."))
            {
                yield return entry;
            }
        }
    }

    /// <summary>Every buffer with its dotted name.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers(string prefix = "")
    {
        foreach (var (name, b) in _buffers)
        {
            yield return new(prefix + name, b);
        }

        foreach (var (name, m) in _modules)
        {
            foreach (var entry in m.NamedBuffers(prefix + name + "."))
            {
                yield return entry;
            }
        }
    }

    /// <summary>All parameters (the list optimizers take).</summary>
    public IReadOnlyList<Parameter> Parameters() => NamedParameters().Select(e => e.Value).ToList();

    /// <summary>The live parameters and buffers by dotted name, in registration order (not copies: save
    /// them or copy them before changing the module).</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>();
        foreach (var (name, p) in NamedParameters())
        {
            dict[name] = p;
        }

        foreach (var (name, b) in NamedBuffers())
        {
            dict[name] = b;
        }

        return dict;
    }

    /// <summary>
    /// Copies values from <paramref name="state"/> into this module's parameters and buffers by name.
    /// Strict (default): any missing, unexpected or mis-shaped key throws, listing them all, and nothing is
    /// loaded. Non-strict: loads the keys that match in name and shape and reports the rest.
    /// </summary>
    /// <exception cref="StateDictMismatchException">Strict load with any mismatch.</exception>
    public LoadStateDictResult LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var mismatched = new List<ShapeMismatch>();
        foreach (var (key, target) in own)
        {
            if (state.TryGetValue(key, out var source) && !target.SameShape(source))
            {
                mismatched.Add(new ShapeMismatch(key, target.Shape, source.Shape));
            }
        }

        var result = new LoadStateDictResult(missing, unexpected, mismatched);
        if (strict && !result.IsExact)
        {
            throw new StateDictMismatchException(GetType().Name, result);
        }

        foreach (var (key, target) in own)
        {
            if (state.TryGetValue(key, out var source) && target.SameShape(source))
            {
                source.Data.CopyTo(target.Data);
            }
        }

        return result;
    }

    /// <summary>Sets training mode on this module and all submodules.</summary>
    public Module Train(bool mode = true)
    {
        IsTraining = mode;
        foreach (var (_, m) in _modules)
        {
            m.Train(mode);
        }

        return this;
    }

    /// <summary>Evaluation mode (batch norm uses running statistics, dropout is off).</summary>
    public Module Eval() => Train(false);

    /// <summary>Drops every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Disposes <paramref name="intermediate"/> when grad mode is off (nothing can need it for
    /// backward), so inference frees activations as soon as they are consumed.</summary>
    protected static void ReleaseIfInference(Tensor intermediate, Tensor input)
    {
        if (!Autograd.IsEnabled && !ReferenceEquals(intermediate, input))
        {
            intermediate.Dispose();
        }
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
        {
            throw new ArgumentException($"{GetType().Name}: entry name '{name}' must be non-empty and contain no dot.", nameof(name));
        }

        if (_parameters.Any(e => e.Key == name) || _buffers.Any(e => e.Key == name) || _modules.Any(e => e.Key == name))
        {
            throw new ArgumentException($"{GetType().Name}: entry name '{name}' is already registered.", nameof(name));
        }
    }
}
