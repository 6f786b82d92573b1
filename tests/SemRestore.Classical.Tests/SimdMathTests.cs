using System.Runtime.Intrinsics;
using SemRestore.Classical.Internal;

namespace SemRestore.Classical.Tests;

[Trait("Category", "Kernel")]
public sealed class SimdMathTests
{
    [Fact]
    public void Exp_MatchesMathExpWithinTwoUlpOverTheFloatRange()
    {
        double worst = 0;
        for (var i = 0; i <= 200_000; i++)
        {
            var x = -87f + 175f * i / 200_000f;
            var lanes = SimdMath.Exp(Vector256.Create(x, x * 0.5f, -x * 0.25f, 0f, 1f, -1f, x * 0.01f, -0.0f));
            for (var lane = 0; lane < 8; lane++)
            {
                var argument = lane switch { 0 => x, 1 => x * 0.5f, 2 => -x * 0.25f, 3 => 0f, 4 => 1f, 5 => -1f, 6 => x * 0.01f, _ => -0.0f };
                var exact = Math.Exp(argument);
                worst = Math.Max(worst, Math.Abs(lanes[lane] - exact) / exact);
            }
        }

        Assert.True(worst < 2.5e-7, $"worst relative error {worst:E2}"); // 2 ulp of float
    }

    [Fact]
    public void Exp_ClampsFarOutsideTheRangeInsteadOfReturningDenormalsOrInfinity()
    {
        var values = SimdMath.Exp(Vector256.Create(-1e30f, -200f, 200f, 1e30f, -87.3f, 88.3f, 0f, 0f));
        Assert.Equal(MathF.Exp(-87.3f), values[0], 1e-44f);
        Assert.True(float.IsNormal(values[1]));
        Assert.True(float.IsFinite(values[2]) && values[2] > 1e38f);
        Assert.True(float.IsFinite(values[3]));
    }

    [Fact]
    public void AllFinite_FindsNaNAndInfinityInEveryBlockPosition()
    {
        foreach (var length in new[] { 1, 7, 8, 15, 16, 17, 33, 100 })
        {
            var values = new float[length];
            Assert.True(InputGuard.AllFinite(values));
            for (var i = 0; i < length; i++)
            {
                foreach (var bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
                {
                    values[i] = bad;
                    Assert.False(InputGuard.AllFinite(values), $"length {length}, index {i}, {bad}");
                    values[i] = 0.5f;
                }
            }
        }
    }
}
