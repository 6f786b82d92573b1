using System.Globalization;
using SemRestore.Imaging.Specs;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>
/// 1 - MS-SSIM (Wang 2003) as pytorch-msssim: per image, prod_{j&lt;M} relu(cs_j)^w_j * relu(ssim_M)^w_M with
/// weights [0.0448, 0.2856, 0.3001, 0.2363, 0.1333] and 2x2 average pooling between scales, then the batch mean.
/// </summary>
/// <remarks>
/// Design choice for small patches: pytorch-msssim needs sides above (win - 1) * 16 (160 px for win 11); here the
/// number of scales M drops to the largest for which the coarsest scale still holds a window, and the first M
/// weights are renormalised to sum to 1. Odd sides are cropped by one pixel before pooling. Values are clamped
/// at 1e-6 before the power so the gradient stays finite. Spec: <c>msssim:win=11,sigma=1.5,range=1,scales=5</c>.
/// </remarks>
[Loss("msssim")]
public sealed class MsSsimLoss : ILoss
{
    private static readonly double[] s_weights = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333];
    private readonly float[] _window;

    public MsSsimLoss(NamedSpec spec)
    {
        (Window, Sigma, DataRange) = SsimWindowMaps.ReadOptions(spec);
        Scales = spec.GetInt("scales", 5, 1, 5);
        spec.EnsureOnly();
        _window = SsimWindowMaps.Gaussian(Window, Sigma);
    }

    public int Window { get; }

    public double Sigma { get; }

    public double DataRange { get; }

    /// <summary>Most scales used (fewer on small inputs).</summary>
    public int Scales { get; }

    public string Description => string.Create(CultureInfo.InvariantCulture, $"msssim:win={Window},sigma={Sigma},range={DataRange},scales={Scales}");

    public bool SupportsMask => false;

    /// <summary>The scales used for an input whose smaller side is <paramref name="side"/>.</summary>
    public int ScalesFor(int side)
    {
        var scales = 1;
        while (scales < Scales && (side >> scales) >= Window)
        {
            scales++;
        }

        return scales;
    }

    public Tensor Compute(Tensor prediction, Tensor target, Tensor? mask = null)
    {
        LossGuard.RequireSameShape(Description, prediction, target, mask);
        LossGuard.RejectMask(Description, mask);
        SsimWindowMaps.RequireSize(Description, prediction, Window);
        var scales = ScalesFor(Math.Min(prediction.Dim(2), prediction.Dim(3)));
        var total = 0.0;
        for (var j = 0; j < scales; j++)
        {
            total += s_weights[j];
        }

        var x = prediction;
        var y = target;
        Tensor? product = null;
        for (var j = 0; j < scales; j++)
        {
            var (ssim, cs) = SsimWindowMaps.Compute(x, y, _window, DataRange);
            var map = j == scales - 1 ? ssim : cs;
            var perImage = Ops.Clamp(Ops.Mean(map, [1, 2, 3]), 1e-6f, float.MaxValue);
            var term = Ops.Pow(perImage, (float)(s_weights[j] / total));
            product = product is null ? term : Ops.Mul(product, term);
            if (j < scales - 1)
            {
                x = Downsample(x);
                y = Downsample(y);
            }
        }

        return Ops.Sub(1f, Ops.Mean(product!));
    }

    private static Tensor Downsample(Tensor t)
    {
        int h = t.Dim(2), w = t.Dim(3);
        var even = (h & 1) == 0 && (w & 1) == 0 ? t : Ops.Crop(t, 0, 0, h & ~1, w & ~1);
        return Ops.AvgPool2d(even, 2);
    }
}
