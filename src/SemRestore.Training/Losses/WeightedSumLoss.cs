using System.Globalization;
using SemRestore.Tensors;

namespace SemRestore.Training.Losses;

/// <summary>A weighted sum of losses, written <c>mse+0.5*ssim</c> in configs.</summary>
public sealed class WeightedSumLoss : ILoss
{
    /// <exception cref="ArgumentException">No terms.</exception>
    public WeightedSumLoss(IReadOnlyList<(double Weight, ILoss Loss)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            throw new ArgumentException("A loss sum needs at least one term.", nameof(terms));
        }

        Terms = terms;
    }

    public IReadOnlyList<(double Weight, ILoss Loss)> Terms { get; }

    public string Description => string.Join("+", Terms.Select(t =>
        t.Weight == 1 ? t.Loss.Description : string.Create(CultureInfo.InvariantCulture, $"{t.Weight:G6}*{t.Loss.Description}")));

    public bool SupportsMask => Terms.All(t => t.Loss.SupportsMask);

    public Tensor Compute(Tensor prediction, Tensor target, Tensor? mask = null)
    {
        Tensor? sum = null;
        foreach (var (weight, loss) in Terms)
        {
            var value = loss.Compute(prediction, target, mask);
            var weighted = weight == 1 ? value : Ops.Mul(value, (float)weight);
            sum = sum is null ? weighted : Ops.Add(sum, weighted);
        }

        return sum!;
    }
}
