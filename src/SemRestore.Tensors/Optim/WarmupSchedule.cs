namespace SemRestore.Tensors.Optim;

/// <summary>Linear warm-up from <c>startFactor</c> to 1 over <c>warmupSteps</c> (LinearLR), then
/// <c>after.Factor(step - warmupSteps)</c> (SequentialLR semantics).</summary>
public sealed class WarmupSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule; <paramref name="after"/> defaults to a constant 1.</summary>
    public WarmupSchedule(long warmupSteps, LearningRateSchedule? after = null, double startFactor = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmupSteps, 0);
        if (!(startFactor >= 0 && startFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(startFactor), startFactor, "startFactor must be in [0, 1].");
        }

        (WarmupSteps, After, StartFactor) = (warmupSteps, after ?? new ConstantSchedule(), startFactor);
    }

    /// <summary>Length of the ramp.</summary>
    public long WarmupSteps { get; }

    /// <summary>Schedule after the ramp (its step counter starts at 0 when the ramp ends).</summary>
    public LearningRateSchedule After { get; }

    /// <summary>Factor at step 0.</summary>
    public double StartFactor { get; }

    /// <inheritdoc />
    public override double Factor(long step) => step < WarmupSteps
        ? StartFactor + (1 - StartFactor) * step / WarmupSteps
        : After.Factor(step - WarmupSteps);
}
