using System.Text.Json.Serialization;

namespace SemRestore.Synthesis.Acquisition;

/// <summary>
/// How a clean scene is "acquired": per-frame SEM noise, drift between frames and a whole-image offset per file.
/// Defaults are calibrated so that F01 of the default <c>holes</c> scene has a PSNR of about 21.5 dB against
/// clean on the 8-bit scale, like the real pairs in ../shared/data/sem-real (noise variance ~x/dose: it grows
/// with brightness as theirs does).
/// </summary>
/// <param name="Dose">Electrons per unit intensity per frame (shot-noise variance of one frame = x / dose), in [0.01, 1e6].</param>
/// <param name="ReadNoise">Detector read-noise standard deviation per frame, fraction of full scale, in [0, 0.5].</param>
/// <param name="ScanCorrelation">Noise correlation of horizontal neighbours (AR(1) along rows), in [0, 0.95].</param>
/// <param name="DriftPerFrame">Mean drift speed in pixels per frame (direction random per acquisition), in [0, 1].</param>
/// <param name="DriftJitter">Random-walk step of the drift per frame in pixels (standard deviation), in [0, 1].</param>
/// <param name="MaxOffset">Largest whole-image offset of a file in pixels, each axis (0 turns offsets off), in [0, 1000].</param>
public sealed record AcquisitionOptions(
    [property: JsonPropertyName("dose")] double Dose = AcquisitionOptions.DefaultDose,
    [property: JsonPropertyName("readNoise")] double ReadNoise = AcquisitionOptions.DefaultReadNoise,
    [property: JsonPropertyName("scanCorrelation")] double ScanCorrelation = 0.4,
    [property: JsonPropertyName("driftPerFrame")] double DriftPerFrame = 0.02,
    [property: JsonPropertyName("driftJitter")] double DriftJitter = 0.005,
    [property: JsonPropertyName("maxOffset")] int MaxOffset = 20)
{
    /// <summary>Calibrated dose (see the record's remarks and AcquisitionCalibrationTests).</summary>
    public const double DefaultDose = 53;

    /// <summary>Calibrated read noise: 3 DN on the 8-bit scale.</summary>
    public const double DefaultReadNoise = 3.0 / 255;

    public static AcquisitionOptions Default { get; } = new();

    /// <summary>Throws when a field is out of range; names the field and the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public AcquisitionOptions Validate()
    {
        Check(Dose, 0.01, 1e6, nameof(Dose));
        Check(ReadNoise, 0, 0.5, nameof(ReadNoise));
        Check(ScanCorrelation, 0, 0.95, nameof(ScanCorrelation));
        Check(DriftPerFrame, 0, 1, nameof(DriftPerFrame));
        Check(DriftJitter, 0, 1, nameof(DriftJitter));
        Check(MaxOffset, 0, 1000, nameof(MaxOffset));
        return this;
    }

    private static void Check(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Acquisition option {name} must be in [{min}, {max}], got {value}.");
        }
    }
}
