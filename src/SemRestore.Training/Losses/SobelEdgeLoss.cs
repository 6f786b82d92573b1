using SemRestore.Imaging.Specs;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>
/// Sobel edge loss (SPECS B4, a design choice: the blog publishes no formula):
/// mean(|Gx * (p - t)| + |Gy * (p - t)|) with Gx = [[-1,0,1],[-2,0,2],[-1,0,1]], Gy = Gx^T and replicate padding,
/// which equals mean(|Gx*p - Gx*g| + |Gy*p - Gy*g|) because the filter is linear.
/// </summary>
[Loss("edge")]
public sealed class SobelEdgeLoss : ILoss
{
    private static readonly float[] s_kernels =
    [
        -1, 0, 1, -2, 0, 2, -1, 0, 1,
        -1, -2, -1, 0, 0, 0, 1, 2, 1,
    ];

    public SobelEdgeLoss(NamedSpec spec) => spec.EnsureOnly();

    public string Description => "edge";

    public bool SupportsMask => false;

    public Tensor Compute(Tensor prediction, Tensor target, Tensor? mask = null)
    {
        LossGuard.RequireSameShape(Description, prediction, target, mask);
        LossGuard.RejectMask(Description, mask);
        if (prediction.Rank != 4 || prediction.Dim(1) != 1 || prediction.Dim(2) < 2 || prediction.Dim(3) < 2)
        {
            throw new ArgumentException($"edge: input {prediction.ShapeString} must be (N, 1, H, W) with H, W >= 2.", nameof(prediction));
        }

        var kernels = Tensor.FromArray(s_kernels, 2, 1, 3, 3);
        var difference = Ops.Pad(Ops.Sub(prediction, target), 1, 1, 1, 1, PaddingMode.Replicate);
        var gradients = Ops.Conv2d(difference, kernels);

        // Mean over the two gradient channels is half the per-pixel sum |gx| + |gy|.
        return Ops.Mul(Ops.Mean(Ops.Abs(gradients)), 2f);
    }
}
