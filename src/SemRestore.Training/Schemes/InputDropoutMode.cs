namespace SemRestore.Training.Schemes;

/// <summary>Shape of the dropped regions in ReNIn's random pixel masking.</summary>
public enum InputDropoutMode
{
    /// <summary>Every pixel dropped independently with probability p.</summary>
    Random,

    /// <summary>Blocks of k x k pixels (aligned to a k grid) dropped independently with probability p.</summary>
    Grid,

    /// <summary>As Grid, with k drawn per patch from {1, 2, 4, 8, 16, 32, 64}.</summary>
    Mixed,
}
