using SemRestore.Imaging.Specs;

namespace SemRestore.Synthesis.Noise;

/// <summary>Parameter conventions shared by the noise models.</summary>
internal static class NoiseSpecReader
{
    /// <summary>
    /// A standard deviation given either as <c>sigma</c> on the 8-bit scale (0-255) or as <c>std</c>, a fraction of
    /// full scale (0-1); at most one of them. Returns the fraction.
    /// </summary>
    public static double ReadSigma(NamedSpec spec, double defaultFraction)
    {
        var hasSigma = spec.Has("sigma");
        var hasStd = spec.Has("std");
        if (hasSigma && hasStd)
        {
            throw new ArgumentException($"{spec.Name}: give either 'sigma' (8-bit units, 0-255) or 'std' (fraction of full scale), not both.", "sigma");
        }

        var sigma = spec.GetDouble("sigma", defaultFraction * 255, 0, 255) / 255;
        var std = spec.GetDouble("std", defaultFraction, 0, 1);
        return hasSigma ? sigma : std;
    }

    /// <summary>The <c>clip</c> flag: clamp the result to [0, 1] (default true, as images are stored).</summary>
    public static bool ReadClip(NamedSpec spec) => spec.GetBool("clip", true);

    public static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "true" : "false";
}
