using System.Numerics;
using SemRestore.Imaging.Registration;

namespace SemRestore.Imaging.Tests.Registration;

[Trait("Category", "Kernel")]
public sealed class FftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(471)]
    public void Transform_MatchesTheDirectDft_AndInverts(int length)
    {
        var random = new Random(length);
        var input = new Complex[length];
        for (var i = 0; i < length; i++)
        {
            input[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        }

        var fft = Fft.ForLength(length);
        var data = (Complex[])input.Clone();
        var scratch = new Complex[fft.ScratchLength];
        fft.Transform(data, scratch, inverse: false);
        for (var k = 0; k < length; k++)
        {
            var expected = Complex.Zero;
            for (var n = 0; n < length; n++)
            {
                expected += input[n] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)k * n % length) / length);
            }

            Assert.True((data[k] - expected).Magnitude < 1e-9 * length, $"bin {k}: {data[k]} vs {expected}");
        }

        fft.Transform(data, scratch, inverse: true);
        for (var i = 0; i < length; i++)
        {
            Assert.True((data[i] - input[i]).Magnitude < 1e-12 * length);
        }
    }

    [Fact]
    public void ComplexDot_MatchesScalar_ForEveryLength()
    {
        var random = new Random(2);
        for (var length = 0; length <= 256; length++)
        {
            var a = new Complex[length];
            var b = new Complex[length];
            var expected = Complex.Zero;
            for (var i = 0; i < length; i++)
            {
                a[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
                b[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
                expected += a[i] * b[i];
            }

            var (re, im) = PhaseCorrelation.ComplexDot(
                a.Select(c => c.Real).ToArray(), a.Select(c => c.Imaginary).ToArray(),
                b.Select(c => c.Real).ToArray(), b.Select(c => c.Imaginary).ToArray());
            Assert.Equal(expected.Real, re, 10);
            Assert.Equal(expected.Imaginary, im, 10);
        }
    }
}
