using System.Globalization;
using SemRestore.Imaging.Specs;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>
/// 1 - mean SSIM with a Gaussian window (default 11 px, sigma 1.5, 'valid' filtering, population statistics,
/// data range 1 since inputs are normalised) as pytorch-msssim's <c>ssim</c>. Spec: <c>ssim:win=11,sigma=1.5,range=1</c>.
/// </summary>
[Loss("ssim")]
public sealed class SsimLoss : ILoss
{
    private readonly float[] _window;

    public SsimLoss(NamedSpec spec)
    {
        (Window, Sigma, DataRange) = SsimWindowMaps.ReadOptions(spec);
        spec.EnsureOnly();
        _window = SsimWindowMaps.Gaussian(Window, Sigma);
    }

    public int Window { get; }

    public double Sigma { get; }

    public double DataRange { get; }

    public string Description => string.Create(CultureInfo.InvariantCulture, $"ssim:win={Window},sigma={Sigma},range={DataRange}");

    public bool SupportsMask => false;

    public Tensor Compute(Tensor prediction, Tensor target, Tensor? mask = null)
    {
        LossGuard.RequireSameShape(Description, prediction, target, mask);
        LossGuard.RejectMask(Description, mask);
        SsimWindowMaps.RequireSize(Description, prediction, Window);
        var (ssim, _) = SsimWindowMaps.Compute(prediction, target, _window, DataRange);
        return Ops.Sub(1f, Ops.Mean(ssim));
    }
}
