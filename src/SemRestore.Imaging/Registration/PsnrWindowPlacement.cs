namespace SemRestore.Imaging.Registration;

/// <summary>Where <see cref="PsnrMatching"/> puts its comparison window(s).</summary>
public enum PsnrWindowPlacement
{
    /// <summary>As the ReNIn code: the window's top-left corner at (W / 2, H / 2), integer division.</summary>
    CodeCentre,

    /// <summary>The window's centre at the image centre.</summary>
    Centred,

    /// <summary>A grid of windows (<see cref="PsnrMatchingOptions.VotingGrid"/> per axis) each picks a shift; the most votes win.</summary>
    VotingWindows,
}
