namespace SemRestore.Imaging.Registration;

/// <summary>How <see cref="PhaseCorrelation"/> weights the cross-power spectrum before the inverse FFT.</summary>
public enum CorrelationNormalization
{
    /// <summary>
    /// Divide by the magnitude (classic phase correlation, scikit-image's default): sharp peak, but every frequency
    /// counts the same, so noise-dominated frequencies hurt on very noisy, smooth images.
    /// </summary>
    Phase,

    /// <summary>Plain cross-correlation (Guizar-Sicairos et al. 2008): robust to noise, broader peak.</summary>
    None,
}
