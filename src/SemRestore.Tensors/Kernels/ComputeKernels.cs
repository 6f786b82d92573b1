namespace SemRestore.Tensors.Kernels;

/// <summary>The backend the ops use. Defaults to the fastest available CPU kernels.</summary>
public static class ComputeKernels
{
    private static IComputeKernels s_current = Default;

    /// <summary>The backend <see cref="Current"/> starts with: <see cref="CpuKernels.Instance"/>.</summary>
    public static IComputeKernels Default => CpuKernels.Instance;

    /// <summary>The active backend. Tests may swap it to compare backends.</summary>
    public static IComputeKernels Current
    {
        get => s_current;
        set => s_current = value ?? throw new ArgumentNullException(nameof(value));
    }
}
