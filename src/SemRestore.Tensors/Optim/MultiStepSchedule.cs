namespace SemRestore.Tensors.Optim;

/// <summary>MultiStepLR: factor gamma^(number of milestones &lt;= step).</summary>
public sealed class MultiStepSchedule : LearningRateSchedule
{
    private readonly long[] _milestones;

    /// <summary>Creates the schedule from increasing milestones.</summary>
    /// <exception cref="ArgumentException">Milestones not strictly increasing or negative; gamma &lt;= 0.</exception>
    public MultiStepSchedule(IEnumerable<long> milestones, double gamma = 0.1)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        _milestones = milestones.ToArray();
        for (var i = 0; i < _milestones.Length; i++)
        {
            if (_milestones[i] < 0 || (i > 0 && _milestones[i] <= _milestones[i - 1]))
            {
                throw new ArgumentException($"milestones must be non-negative and strictly increasing, got [{string.Join(", ", _milestones)}].", nameof(milestones));
            }
        }

        if (!(gamma > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be > 0.");
        }

        Gamma = gamma;
    }

    /// <summary>Multiplicative decay per milestone.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override double Factor(long step)
    {
        var passed = 0;
        foreach (var m in _milestones)
        {
            if (step >= m)
            {
                passed++;
            }
        }

        return Math.Pow(Gamma, passed);
    }
}
