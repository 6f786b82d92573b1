namespace SemRestore.Tensors.Optim;

/// <summary>
/// A learning-rate multiplier as a pure function of the step (0-based count of completed optimizer
/// steps), in closed form like PyTorch's schedulers. Composable: <see cref="WarmupSchedule"/> wraps
/// another schedule, <see cref="ProductSchedule"/> multiplies two.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The multiplier of the base learning rate at <paramref name="step"/> (&gt;= 0).</summary>
    public abstract double Factor(long step);

    /// <summary>Sets <c>optimizer.LearningRate = baseLearningRate * Factor(optimizer.StepCount)</c>; call before Step.</summary>
    public void Apply(Optimizer optimizer, double baseLearningRate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.LearningRate = baseLearningRate * Factor(optimizer.StepCount);
    }
}
