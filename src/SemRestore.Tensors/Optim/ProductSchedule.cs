namespace SemRestore.Tensors.Optim;

/// <summary>The product of two schedules' factors (e.g. a step decay times a ramp-down).</summary>
public sealed class ProductSchedule(LearningRateSchedule first, LearningRateSchedule second) : LearningRateSchedule
{
    private readonly LearningRateSchedule _first = first ?? throw new ArgumentNullException(nameof(first));
    private readonly LearningRateSchedule _second = second ?? throw new ArgumentNullException(nameof(second));

    /// <inheritdoc />
    public override double Factor(long step) => _first.Factor(step) * _second.Factor(step);
}
