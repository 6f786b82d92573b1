using SemRestore.Tensors.Nn;
using SemRestore.Tensors.Optim;

namespace SemRestore.Tensors.Safetensors;

/// <summary>Module and optimizer state to and from safetensors files. The optimizer state lives in its own
/// file beside the weights (keys <c>state.{i}.exp_avg</c>..., settings in <c>__metadata__</c>), so the weights
/// file stays a plain PyTorch state dict.</summary>
public static class Checkpoint
{
    /// <summary>Writes the module's state dict (parameters and buffers by dotted name).</summary>
    public static void SaveModule(string path, Module module, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        SafetensorsFile.Save(path, module.StateDict(), metadata);
    }

    /// <summary>Loads a state dict file into the module (strict by default; see <see cref="Module.LoadStateDict"/>).</summary>
    /// <exception cref="StateDictMismatchException">Strict load with missing, unexpected or mis-shaped keys.</exception>
    /// <exception cref="SafetensorsFormatException">The file is corrupt.</exception>
    public static LoadStateDictResult LoadModule(string path, Module module, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(module);
        var content = SafetensorsFile.Load(path);
        try
        {
            return module.LoadStateDict(content.Tensors, strict);
        }
        finally
        {
            foreach (var t in content.Tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>Writes the optimizer state (moments, step, learning rate, hyper-parameters).</summary>
    public static void SaveOptimizer(string path, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var state = optimizer.SaveState();
        SafetensorsFile.Save(path, state.Tensors, state.Metadata);
    }

    /// <summary>Restores an optimizer from <see cref="SaveOptimizer"/>'s file.</summary>
    public static void LoadOptimizer(string path, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var content = SafetensorsFile.Load(path);
        optimizer.LoadState(new OptimizerState(content.Tensors, content.Metadata));
    }
}
