using SemRestore.Tensors.Safetensors;
using SemRestore.TestUtilities;

namespace SemRestore.Models.Tests;

/// <summary>Fixtures of tests/Golden/engine and the relative error used by the engine's golden tests.</summary>
internal static class ModelGolden
{
    public const double MaxRelativeError = 1e-4;

    public static string Path(string file) => System.IO.Path.Combine(TestPaths.Golden, "engine", file);

    public static SafetensorsContent Load(string file) => SafetensorsFile.Load(Path(file));

    /// <summary>max |a - e| / max(|e|, 1e-3 * max|e|).</summary>
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected) => RelativeError(actual, expected, 1e-3);

    /// <summary>max |a - e| / max(|e|, floorFraction * max|e|).</summary>
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double floorFraction)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (var e in expected)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        var floor = Math.Max(1e-12, floorFraction * scale);
        double worst = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var err = Math.Abs((double)actual[i] - expected[i]) / Math.Max(Math.Abs(expected[i]), floor);
            worst = double.IsNaN(err) ? double.PositiveInfinity : Math.Max(worst, err);
        }

        return worst;
    }
}
