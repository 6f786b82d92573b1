using SemRestore.Tensors;
using SemRestore.Training.Losses;

namespace SemRestore.Training.Tests.Losses;

public sealed class LossTests
{
    public static TheoryData<string> AllLosses => new() { "mse", "l1", "charbonnier", "ssim", "msssim", "edge", "mse+0.5*ssim", "blog-charbonnier-msssim-edge" };

    // Smooth deterministic images (as in the golden script beside the fixtures).
    private static float[] Pattern(int size, double a, double b, double noise)
    {
        var values = new float[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                values[i * size + j] = (float)(0.5 + 0.3 * Math.Sin(a * i + b * j) + noise * Math.Cos(1.3 * i - 0.7 * j));
            }
        }

        return values;
    }

    private static Tensor Image(int size, double noise, bool grad = false)
    {
        var t = Tensor.FromArray(Pattern(size, 0.37, 0.11, noise), 1, 1, size, size);
        if (grad)
        {
            t.RequiresGrad = true;
        }

        return t;
    }

    [Theory]
    [Trait("Category", "Unit")]
    [MemberData(nameof(AllLosses))]
    public void Loss_IsZeroOnIdenticalInputs_AndPositiveOtherwise(string spec)
    {
        using var scope = new TensorScope();
        var loss = LossRegistry.Create(spec);
        var x = Image(48, 0);
        var same = loss.Compute(x, Image(48, 0)).Item();
        var different = loss.Compute(Image(48, 0.1), x).Item();
        var floor = spec.StartsWith("charbonnier", StringComparison.Ordinal) || spec.StartsWith("blog-charb", StringComparison.Ordinal) ? 1.01e-3f : 1e-6f;
        Assert.InRange(same, -1e-6f, floor);
        Assert.True(different > same + 1e-4f, $"{spec}: {different} should exceed {same}");
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Values_MatchTheNumPyReference()
    {
        // tests/Golden/training/losses.py computes these with NumPy/SciPy (Gaussian 11/1.5 valid, population stats,
        // replicate-padded Sobel) on the same patterns.
        var golden = File.ReadAllLines(Path.Combine(SemRestore.TestUtilities.TestPaths.Golden, "training", "losses.txt"))
            .Select(line => line.Split(' ')).ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        using var scope = new TensorScope();
        foreach (var (name, expected) in golden)
        {
            var size = name == "msssim" ? 96 : 48;
            var actual = LossRegistry.Create(name).Compute(Image(size, 0.1), Image(size, 0)).Item();
            Assert.True(Math.Abs(actual - expected) <= 2e-5 + 1e-4 * Math.Abs(expected), $"{name}: {actual} vs NumPy {expected}");
        }
    }

    [Theory]
    [Trait("Category", "Gradient")]
    [MemberData(nameof(AllLosses))]
    public void Gradient_MatchesCentralDifferences(string spec)
    {
        const int size = 36;
        var loss = LossRegistry.Create(spec.Replace("blog-charbonnier-msssim-edge", "charbonnier+0.5*msssim+0.1*edge").Replace("msssim", "msssim:win=5"));
        var target = Pattern(size, 0.37, 0.11, 0);

        // A dominant ramp keeps every Sobel response and |p - t| well away from the kink of |.|.
        var prediction = new float[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                prediction[i * size + j] = target[i * size + j] + (float)((i + 2.0 * j + 10) / (3.0 * size) + 0.005 * Math.Sin(0.5 * i + 0.9 * j + 0.4));
            }
        }
        float[] analytic;
        using (new TensorScope())
        {
            var p = Tensor.FromArray(prediction, 1, 1, size, size);
            p.RequiresGrad = true;
            var value = loss.Compute(p, Tensor.FromArray(target, 1, 1, size, size));
            value.Backward();
            analytic = p.Grad!.ToArray();
        }

        double Evaluate(float[] values)
        {
            using var scope = new TensorScope();
            return loss.Compute(Tensor.FromArray(values, 1, 1, size, size), Tensor.FromArray(target, 1, 1, size, size)).Item();
        }

        // Directional derivatives over all pixels: a per-pixel difference of a float32 loss is below its rounding.
        const float h = 1e-3f;
        var random = new Random(4);
        var directions = new List<float[]>
        {
            analytic.Select(g => (float)Math.Sign(g)).ToArray(),
            analytic.Select(_ => random.Next(2) == 0 ? -1f : 1f).ToArray(),
            analytic.Select(_ => random.Next(2) == 0 ? -1f : 1f).ToArray(),
        };
        foreach (var v in directions)
        {
            var plus = prediction.Select((p, i) => p + h * v[i]).ToArray();
            var minus = prediction.Select((p, i) => p - h * v[i]).ToArray();
            var numeric = (Evaluate(plus) - Evaluate(minus)) / (2 * h);
            var expected = analytic.Select((g, i) => (double)g * v[i]).Sum();
            Assert.True(Math.Abs(numeric - expected) <= 1e-4 + 1e-2 * Math.Abs(expected),
                $"{spec}: autograd directional derivative {expected:E4}, finite difference {numeric:E4}");
        }
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData("mse")]
    [InlineData("l1")]
    [InlineData("charbonnier")]
    public void MaskedLoss_CountsOnlyMaskedPixels_AndHasNoGradientElsewhere(string spec)
    {
        using var scope = new TensorScope();
        var loss = LossRegistry.Create(spec);
        var prediction = Image(16, 0.1, grad: true);
        var target = Image(16, 0);
        var maskValues = new float[256];
        for (var i = 0; i < 256; i += 7)
        {
            maskValues[i] = 1f;
        }

        var masked = loss.Compute(prediction, target, Tensor.FromArray(maskValues, 1, 1, 16, 16));
        masked.Backward();

        var p = prediction.ToArray();
        var t = target.ToArray();
        double expected = 0;
        var count = 0;
        for (var i = 0; i < 256; i += 7)
        {
            var d = (double)p[i] - t[i];
            expected += spec switch { "mse" => d * d, "l1" => Math.Abs(d), _ => Math.Sqrt(d * d + 1e-6) };
            count++;
        }

        Assert.Equal(expected / count, masked.Item(), 5);
        var grad = prediction.Grad!.ToArray();
        for (var i = 0; i < 256; i++)
        {
            if (maskValues[i] == 0f)
            {
                Assert.Equal(0f, grad[i]);
            }
        }
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void WeightedSum_AddsWeightedTerms()
    {
        using var scope = new TensorScope();
        var x = Image(48, 0.1);
        var y = Image(48, 0);
        var sum = LossRegistry.Create("mse+0.5*ssim").Compute(x, y).Item();
        var mse = LossRegistry.Create("mse").Compute(x, y).Item();
        var ssim = LossRegistry.Create("ssim").Compute(x, y).Item();
        Assert.Equal(mse + 0.5f * ssim, sum, 6);
        Assert.Equal("mse+0.5*ssim:win=11,sigma=1.5,range=1", LossRegistry.Create("blog-mse-ssim").Description);
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData("perceptual", "Unknown loss")]
    [InlineData("-1*mse", "positive number")]
    [InlineData("charbonnier:eps=0", "'eps' must be in")]
    [InlineData("ssim:win=8", "odd")]
    [InlineData("mse:weight=2", "unknown parameter")]
    public void BadExpressions_Throw(string expression, string fragment)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => LossRegistry.Create(expression));
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void WindowedLosses_RejectMasks()
    {
        using var scope = new TensorScope();
        var error = Assert.Throws<ArgumentException>(() => LossRegistry.Create("ssim").Compute(Image(16, 0), Image(16, 0), Tensor.Ones(1, 1, 16, 16)));
        Assert.Contains("masked", error.Message);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void MsSsim_UsesFewerScalesOnSmallPatches()
    {
        var loss = (MsSsimLoss)LossRegistry.Create("msssim");
        Assert.Equal(5, loss.ScalesFor(256));
        Assert.Equal(4, loss.ScalesFor(128));
        Assert.Equal(1, loss.ScalesFor(16));
    }
}
