namespace SemRestore.Classical.Tests.Support;

/// <summary>
/// The counter-based normal generator of tests/Golden/classical/make_golden.py (splitmix_normal), so the BM3D test
/// rebuilds the very noisy images skimage was scored on without committing them: z_i = splitmix64(seed + i * gamma)
/// for i = 1..2n, u = ((z &gt;&gt; 11) + 0.5) / 2^53, normal k = sqrt(-2 ln u_{2k}) cos(2 pi u_{2k+1}).
/// </summary>
internal static class SplitMixNormal
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    public static double[] Draw(ulong seed, int count)
    {
        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            var u1 = Uniform(seed + (ulong)(2 * k + 1) * Gamma);
            var u2 = Uniform(seed + (ulong)(2 * k + 2) * Gamma);
            values[k] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return values;
    }

    private static double Uniform(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        z ^= z >> 31;
        return ((z >> 11) + 0.5) / 9007199254740992.0;
    }
}
