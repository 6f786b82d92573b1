using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>Writes the local derivative dy/dx into <c>d</c> given the input x and output y.</summary>
    private delegate void Derivative(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d);

    private delegate void SpanMap(ReadOnlySpan<float> x, Span<float> y);

    /// <summary>Element-wise op y = f(x) with backward dx += g * f'(x).</summary>
    private static Tensor Unary(string op, Tensor x, SpanMap forward, Derivative derivative)
    {
        ArgumentNullException.ThrowIfNull(x);
        var output = Tensor.Empty(x.ShapeRef);
        forward(x.Data, output.Data);
        if (!Autograd.ShouldRecord(x))
        {
            return output;
        }

        return Record(output, op, [x], g =>
        {
            using var local = Tensor.EmptyUntracked(x.ShapeRef);
            derivative(x.Data, output.Data, local.Data);
            var dx = x.GradSpanForFullWrite(out var overwrite);
            if (overwrite)
            {
                TensorPrimitives.Multiply(g.Data, local.Data, dx);
            }
            else
            {
                TensorPrimitives.FusedMultiplyAdd(g.Data, local.Data, dx, dx);
            }
        });
    }

    /// <summary>x + s.</summary>
    public static Tensor Add(Tensor x, float s) => Affine("add_scalar", x, 1f, s);

    /// <summary>x - s.</summary>
    public static Tensor Sub(Tensor x, float s) => Add(x, -s);

    /// <summary>s - x.</summary>
    public static Tensor Sub(float s, Tensor x) => Unary("rsub_scalar", x, (a, y) => TensorPrimitives.Subtract(s, a, y), static (_, _, d) => d.Fill(-1f));

    /// <summary>x * s.</summary>
    public static Tensor Mul(Tensor x, float s) => Affine("mul_scalar", x, s, 0f);

    /// <summary>y = scale * x + shift with backward dx += scale * g (no derivative buffer).</summary>
    private static Tensor Affine(string op, Tensor x, float scale, float shift)
    {
        ArgumentNullException.ThrowIfNull(x);
        var output = Tensor.Empty(x.ShapeRef);
        if (scale != 1f)
        {
            TensorPrimitives.Multiply(x.Data, scale, output.Data);
        }
        else
        {
            x.Data.CopyTo(output.Data);
        }

        if (shift != 0f)
        {
            TensorPrimitives.Add(output.Data, shift, output.Data);
        }

        return Record(output, op, [x], g =>
        {
            var dx = x.GradSpanForFullWrite(out var overwrite);
            if (overwrite)
            {
                TensorPrimitives.Multiply(g.Data, scale, dx);
            }
            else
            {
                TensorPrimitives.MultiplyAdd(g.Data, scale, dx, dx);
            }
        });
    }

    /// <summary>x / s.</summary>
    public static Tensor Div(Tensor x, float s) => Mul(x, 1f / s);

    /// <summary>s / x.</summary>
    public static Tensor Div(float s, Tensor x) => Unary("rdiv_scalar", x, (a, y) => TensorPrimitives.Divide(s, a, y), (_, y, d) =>
    {
        // d(s/x)/dx = -s/x^2 = -y^2/s.
        TensorPrimitives.Multiply(y, y, d);
        TensorPrimitives.Multiply(d, -1f / s, d);
    });

    /// <summary>-x.</summary>
    public static Tensor Neg(Tensor x) => Mul(x, -1f);

    /// <summary>x^2.</summary>
    public static Tensor Square(Tensor x) => Unary("square", x, static (a, y) => TensorPrimitives.Multiply(a, a, y), static (a, _, d) => TensorPrimitives.Multiply(a, 2f, d));

    /// <summary>x^p for a scalar exponent (NaN for negative x and non-integer p, as in IEEE pow).</summary>
    public static Tensor Pow(Tensor x, float p) => Unary("pow", x, (a, y) => TensorPrimitives.Pow(a, p, y), (a, _, d) =>
    {
        TensorPrimitives.Pow(a, p - 1f, d);
        TensorPrimitives.Multiply(d, p, d);
    });

    /// <summary>e^x.</summary>
    public static Tensor Exp(Tensor x) => Unary("exp", x, static (a, y) => TensorPrimitives.Exp(a, y), static (_, y, d) => y.CopyTo(d));

    /// <summary>Natural logarithm (NaN below 0, -inf at 0).</summary>
    public static Tensor Log(Tensor x) => Unary("log", x, static (a, y) => TensorPrimitives.Log(a, y), static (a, _, d) => TensorPrimitives.Reciprocal(a, d));

    /// <summary>Square root; gradient 0.5/sqrt(x) (inf at 0).</summary>
    public static Tensor Sqrt(Tensor x) => Unary("sqrt", x, static (a, y) => TensorPrimitives.Sqrt(a, y), static (_, y, d) => TensorPrimitives.Divide(0.5f, y, d));

    /// <summary>|x|; gradient sign(x) (0 at 0, as in PyTorch).</summary>
    public static Tensor Abs(Tensor x) => Unary("abs", x, static (a, y) => TensorPrimitives.Abs(a, y), static (a, _, d) =>
    {
        for (var i = 0; i < a.Length; i++)
        {
            d[i] = a[i] > 0 ? 1f : a[i] < 0 ? -1f : 0f;
        }
    });

    /// <summary>min(max(x, min), max); gradient 1 where min &lt;= x &lt;= max, else 0 (PyTorch).</summary>
    /// <exception cref="ArgumentException">min &gt; max.</exception>
    public static Tensor Clamp(Tensor x, float min, float max)
    {
        if (!(min <= max))
        {
            throw new ArgumentException($"clamp: min {min} must not exceed max {max}.", nameof(min));
        }

        return Unary("clamp", x, (a, y) =>
        {
            TensorPrimitives.Max(a, min, y);
            TensorPrimitives.Min(y, max, y);
        }, (a, _, d) =>
        {
            for (var i = 0; i < a.Length; i++)
            {
                d[i] = a[i] >= min && a[i] <= max ? 1f : 0f;
            }
        });
    }

    /// <summary>Logistic sigmoid 1/(1+e^-x); gradient y(1-y).</summary>
    public static Tensor Sigmoid(Tensor x) => Unary("sigmoid", x, static (a, y) => TensorPrimitives.Sigmoid(a, y), static (_, y, d) =>
    {
        TensorPrimitives.Multiply(y, y, d);
        TensorPrimitives.Subtract(y, d, d);
    });

    /// <summary>Hyperbolic tangent; gradient 1 - y^2.</summary>
    public static Tensor Tanh(Tensor x) => Unary("tanh", x, static (a, y) => TensorPrimitives.Tanh(a, y), static (_, y, d) =>
    {
        TensorPrimitives.Multiply(y, y, d);
        TensorPrimitives.Subtract(1f, d, d);
    });

    /// <summary>GELU with the exact erf form: x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2)) (PyTorch approximate='none').</summary>
    public static Tensor Gelu(Tensor x) => Unary("gelu", x, static (a, y) =>
    {
        for (var i = 0; i < a.Length; i++)
        {
            double v = a[i];
            y[i] = (float)(0.5 * v * (1.0 + SpecialFunctions.Erf(v / Math.Sqrt(2.0))));
        }
    }, static (a, _, d) =>
    {
        for (var i = 0; i < a.Length; i++)
        {
            double v = a[i];
            var cdf = 0.5 * (1.0 + SpecialFunctions.Erf(v / Math.Sqrt(2.0)));
            var pdf = Math.Exp(-0.5 * v * v) / Math.Sqrt(2.0 * Math.PI);
            d[i] = (float)(cdf + v * pdf);
        }
    });
}
