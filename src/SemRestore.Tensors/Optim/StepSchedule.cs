namespace SemRestore.Tensors.Optim;

/// <summary>StepLR: factor gamma^floor(step / stepSize) (e.g. halve every N iterations with gamma 0.5).</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">stepSize &lt; 1 or gamma &lt;= 0.</exception>
    public StepSchedule(long stepSize, double gamma = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        if (!(gamma > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be > 0.");
        }

        (StepSize, Gamma) = (stepSize, gamma);
    }

    /// <summary>Steps between decays.</summary>
    public long StepSize { get; }

    /// <summary>Multiplicative decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override double Factor(long step) => Math.Pow(Gamma, step / StepSize);
}
