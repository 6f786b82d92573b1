namespace SemRestore.Tensors.Kernels;

/// <summary>
/// The compute backend behind every op. Ops validate shapes and own autograd; kernels only compute on
/// spans. Another backend (oneDNN, CUDA) implements this interface without touching ops.
/// </summary>
/// <remarks>
/// Buffers never overlap. Methods named Backward* <b>accumulate</b> into their gradient outputs
/// (gradient += ...), because autograd sums contributions from several consumers.
/// A <c>tapMask</c>, when not empty, has KernelH * KernelW entries (shared by all channels); taps
/// whose mask is false are skipped entirely, not multiplied by zero (blind-spot convolutions).
/// </remarks>
public interface IComputeKernels
{
    /// <summary>C[M,N] = alpha * op(A) * op(B) + beta * C, row-major; op transposes when the flag is set.
    /// A is M x K (K x M when transposed), B is K x N (N x K when transposed).</summary>
    void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c);

    /// <summary>output = conv2d(input, weight) + bias (bias may be empty). Output is overwritten.</summary>
    void Conv2dForward(in Conv2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, ReadOnlySpan<bool> tapMask, Span<float> output);

    /// <summary>gradInput += d(output)/d(input)^T * gradOutput.</summary>
    void Conv2dBackwardData(in Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        ReadOnlySpan<bool> tapMask, Span<float> gradInput);

    /// <summary>gradWeight += ...; gradBias += sum of gradOutput per channel (skipped when empty).
    /// Masked-out taps of gradWeight stay untouched.</summary>
    void Conv2dBackwardWeight(in Conv2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<bool> tapMask, Span<float> gradWeight, Span<float> gradBias);
}
