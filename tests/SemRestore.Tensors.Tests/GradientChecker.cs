using SemRestore.Tensors;

namespace SemRestore.Tensors.Tests;

/// <summary>
/// Finite-difference gradient check for float32 ops. The scalar probe is L = sum_i out_i * r_i with fixed
/// random weights r (evaluated in double); each checked input element is perturbed by +-Eps in float32 and
/// the central difference compared with the autograd gradient: |numeric - analytic| &lt;= Atol + Rtol * |analytic|.
/// </summary>
/// <remarks>Tolerances (stated, not tuned per op): Eps 1e-3, Rtol 1e-2, Atol 1e-3 — the float32 forward limits
/// the central difference to about 1e-4 absolute for the small shapes used here. Inputs are built away from
/// kinks (ReLU at 0, max-pool ties, clamp bounds) so the derivative exists within Eps.</remarks>
internal static class GradientChecker
{
    public const double Eps = 1e-3;
    public const double Rtol = 1e-2;
    public const double Atol = 1e-3;

    /// <summary>Checks every input that requires grad; probes at most <paramref name="maxProbes"/> elements per input.</summary>
    public static void Check(string name, Func<Tensor[], Tensor> op, Tensor[] inputs, int maxProbes = 40, int seed = 7)
    {
        foreach (var t in inputs)
        {
            t.ZeroGrad();
        }

        var output = op(inputs);
        var random = new Random(seed);
        var weights = new double[output.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextDouble() * 2 - 1;
        }

        var seedGrad = Tensor.FromArray(weights.Select(w => (float)w).ToArray(), output.Shape);
        output.Backward(seedGrad);
        var analytic = inputs.Select(t => t.Grad?.ToArray()).ToArray();

        var failures = new List<string>();
        for (var k = 0; k < inputs.Length; k++)
        {
            var input = inputs[k];
            if (!input.RequiresGrad)
            {
                continue;
            }

            Assert.True(analytic[k] is not null, $"{name}: input {k} got no gradient");
            var indices = Enumerable.Range(0, input.Length).ToArray();
            if (indices.Length > maxProbes)
            {
                indices = indices.OrderBy(_ => random.Next()).Take(maxProbes).ToArray();
            }

            foreach (var index in indices)
            {
                var original = input.Data[index];
                input.Data[index] = (float)(original + Eps);
                var plus = Probe(op, inputs, weights);
                input.Data[index] = (float)(original - Eps);
                var minus = Probe(op, inputs, weights);
                input.Data[index] = original;
                var step = (double)(float)(original + Eps) - (float)(original - Eps);
                var numeric = (plus - minus) / step;
                var a = analytic[k]![index];
                if (Math.Abs(numeric - a) > Atol + Rtol * Math.Abs(a))
                {
                    failures.Add($"input {k} {input.ShapeString} [{index}]: analytic {a:G6}, numeric {numeric:G6}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{name}: {failures.Count} gradient mismatches:\n{string.Join("\n", failures.Take(10))}");
    }

    private static double Probe(Func<Tensor[], Tensor> op, Tensor[] inputs, double[] weights)
    {
        using (Autograd.NoGrad())
        {
            using var output = op(inputs);
            var data = output.Data;
            double sum = 0;
            for (var i = 0; i < data.Length; i++)
            {
                sum += data[i] * weights[i];
            }

            return sum;
        }
    }
}
