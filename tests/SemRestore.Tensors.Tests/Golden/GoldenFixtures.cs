using SemRestore.Tensors;
using SemRestore.Tensors.Safetensors;
using SemRestore.TestUtilities;

namespace SemRestore.Tensors.Tests.Golden;

/// <summary>Loads the committed fixtures of tests/Golden/engine (made by make_golden.py) and compares tensors.</summary>
internal static class GoldenFixtures
{
    /// <summary>Outputs and gradients must match PyTorch within this relative error.</summary>
    public const double MaxRelativeError = 1e-4;

    public static string Folder => Path.Combine(TestPaths.Golden, "engine");

    public static SafetensorsContent Load(string file) => SafetensorsFile.Load(Path.Combine(Folder, file));

    /// <summary>
    /// max_i |a_i - e_i| / max(|e_i|, floor) with floor = 1e-3 * max_j |e_j| (at least 1e-6): a relative error that
    /// does not blow up on elements that are zero or tiny compared with the tensor's scale.
    /// </summary>
    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (var e in expected)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        var floor = Math.Max(1e-6, 1e-3 * scale);
        double worst = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var err = Math.Abs((double)actual[i] - expected[i]) / Math.Max(Math.Abs(expected[i]), floor);
            if (double.IsNaN(err))
            {
                return double.PositiveInfinity;
            }

            worst = Math.Max(worst, err);
        }

        return worst;
    }
}
