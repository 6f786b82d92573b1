namespace SemRestore.Tensors.Optim;

/// <summary>CosineAnnealingLR closed form: <c>min + (1 - min) * (1 + cos(pi * step / total)) / 2</c>,
/// held at <c>min</c> after <c>total</c> steps.</summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">totalSteps &lt; 1 or minFactor outside [0, 1].</exception>
    public CosineSchedule(long totalSteps, double minFactor = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        if (!(minFactor >= 0 && minFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minFactor), minFactor, "minFactor must be in [0, 1].");
        }

        (TotalSteps, MinFactor) = (totalSteps, minFactor);
    }

    /// <summary>Steps of the half cosine.</summary>
    public long TotalSteps { get; }

    /// <summary>Final factor (eta_min / base lr).</summary>
    public double MinFactor { get; }

    /// <inheritdoc />
    public override double Factor(long step)
    {
        var t = Math.Min(step, TotalSteps) / (double)TotalSteps;
        return MinFactor + (1 - MinFactor) * (1 + Math.Cos(Math.PI * t)) / 2;
    }
}
