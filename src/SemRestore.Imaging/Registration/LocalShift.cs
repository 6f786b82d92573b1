namespace SemRestore.Imaging.Registration;

/// <summary>
/// A residual shift measured in one window after the global shift was applied (same convention as
/// <see cref="RegistrationResult"/>). Slow scans drift within a frame, so strips of rows give different values.
/// </summary>
/// <param name="X">Window left edge in reference pixels.</param>
/// <param name="Y">Window top edge.</param>
/// <param name="Width">Window width.</param>
/// <param name="Height">Window height.</param>
/// <param name="Dx">Residual horizontal shift in px.</param>
/// <param name="Dy">Residual vertical shift in px.</param>
public readonly record struct LocalShift(int X, int Y, int Width, int Height, double Dx, double Dy)
{
    /// <summary>Length of the residual vector in px.</summary>
    public double Magnitude => Math.Sqrt(Dx * Dx + Dy * Dy);
}
