using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>
/// A training loss on (N, 1, H, W) prediction and target tensors. Returns a scalar tensor on the autograd tape.
/// </summary>
public interface ILoss
{
    /// <summary>The spec as configs write it, for example <c>charbonnier:eps=1e-06</c>.</summary>
    string Description { get; }

    /// <summary>Whether <see cref="Compute"/> honours a mask (element-wise losses do; windowed ones cannot).</summary>
    bool SupportsMask { get; }

    /// <summary>The loss; with <paramref name="mask"/> (same shape, 0/1, not differentiated) only masked pixels count.</summary>
    /// <exception cref="ArgumentException">Shapes differ, or a mask is given to a loss that cannot use one.</exception>
    Tensor Compute(Tensor prediction, Tensor target, Tensor? mask = null);
}
