using System.Globalization;
using SemRestore.Imaging.Specs;

namespace SemRestore.Models.DnCnn;

/// <summary>
/// DnCNN configuration (Zhang et al. 2017, KAIR's <c>network_dncnn.py</c>; SPECS A7).
/// Spec: <c>dncnn:layers=17,channels=64,bn=true,residual=true</c>.
/// </summary>
/// <param name="Layers">Convolutions in all, at least 2 (default 17: receptive-field radius 17).</param>
/// <param name="Channels">Feature channels (default 64).</param>
/// <param name="BatchNorm">Batch norm after the middle convolutions (KAIR: eps 1e-4, momentum 0.9 in PyTorch's sense).</param>
/// <param name="Residual">Predict the noise and return input - noise (DnCNN's residual learning).</param>
public sealed record DnCnnOptions(int Layers = 17, int Channels = 64, bool BatchNorm = true, bool Residual = true)
{
    /// <summary>Reads the options from a spec (keys layers, channels, bn, residual).</summary>
    /// <exception cref="ArgumentException">Out-of-range or unknown keys.</exception>
    public static DnCnnOptions FromSpec(NamedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var options = new DnCnnOptions(
            spec.GetInt("layers", 17, 2, 64),
            spec.GetInt("channels", 64, 1, 512),
            spec.GetBool("bn", true),
            spec.GetBool("residual", true));
        spec.EnsureOnly();
        return options;
    }

    /// <summary>Receptive-field radius: one pixel per 3x3 layer.</summary>
    public int Halo => Layers;

    /// <summary>The canonical spec.</summary>
    public string ToSpec() => string.Create(CultureInfo.InvariantCulture,
        $"dncnn:layers={Layers},channels={Channels},bn={(BatchNorm ? "true" : "false")},residual={(Residual ? "true" : "false")}");
}
