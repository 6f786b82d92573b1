namespace SemRestore.Tensors.Optim;

/// <summary>Factor 1 at every step.</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc />
    public override double Factor(long step) => 1.0;
}
