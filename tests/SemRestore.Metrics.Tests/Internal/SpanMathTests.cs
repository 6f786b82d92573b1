using SemRestore.Metrics.Internal;

namespace SemRestore.Metrics.Tests.Internal;

public sealed class SpanMathTests
{
    [Fact]
    [Trait("Category", "Kernel")]
    public void Widen_EqualsScalarConversion_ForEveryLength0To256()
    {
        var random = new Random(1);
        for (var length = 0; length <= 256; length++)
        {
            var source = new float[length];
            for (var i = 0; i < length; i++)
            {
                source[i] = (float)(random.NextDouble() * 2 - 1);
            }

            // One extra slot after the destination must stay untouched (no write past the end on the vector tail).
            var destination = new double[length + 1];
            destination[length] = 42;
            SpanMath.Widen(source, destination.AsSpan(0, length));
            for (var i = 0; i < length; i++)
            {
                Assert.Equal((double)source[i], destination[i]);
            }

            Assert.Equal(42, destination[length]);
        }
    }

    [Fact]
    [Trait("Category", "Kernel")]
    public void AddScaled_EqualsScalarFormula_ForEveryLength0To256()
    {
        var random = new Random(2);
        for (var length = 0; length <= 256; length++)
        {
            var source = new double[length];
            var destination = new double[length];
            var expected = new double[length];
            for (var i = 0; i < length; i++)
            {
                source[i] = random.NextDouble();
                destination[i] = random.NextDouble();
                expected[i] = destination[i] + 0.37 * source[i];
            }

            SpanMath.AddScaled(source, 0.37, destination);
            for (var i = 0; i < length; i++)
            {
                Assert.Equal(expected[i], destination[i], 14);
            }
        }
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData(-1, 5, 0)]
    [InlineData(-2, 5, 1)]
    [InlineData(5, 5, 4)]
    [InlineData(6, 5, 3)]
    [InlineData(-6, 5, 4)]
    [InlineData(10, 5, 0)]
    [InlineData(-3, 2, 1)]
    public void Reflect_MatchesScipyReflectMode(int index, int length, int expected)
    {
        // scipy.ndimage 'reflect': ... 1 0 | 0 1 2 3 4 | 4 3 ... with period 2 * length.
        Assert.Equal(expected, BorderIndex.Reflect(index, length));
    }
}
