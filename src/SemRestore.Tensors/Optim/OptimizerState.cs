namespace SemRestore.Tensors.Optim;

/// <summary>Everything an optimizer needs for an exact resume: per-parameter tensors keyed
/// <c>state.{index}.{name}</c> (PyTorch's names: exp_avg, exp_avg_sq, momentum_buffer) and scalar settings
/// as invariant strings (type, lr, step, betas...). Saved with <see cref="Safetensors.SafetensorsFile"/>.</summary>
public sealed record OptimizerState(IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata);
