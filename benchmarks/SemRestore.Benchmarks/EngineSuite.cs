using SemRestore.Tensors.Kernels;

namespace SemRestore.Benchmarks;

/// <summary>
/// The <c>engine</c> suite: SemRestore's tensor engine against PyTorch CPU (Debian python3-torch, tcmalloc,
/// oneDNN) with the same thread count. Rows: <c>sgemm-2048</c>, <c>conv3x3-64-256-fwd</c>,
/// <c>conv3x3-64-256-bwd</c> (kernels called directly).
/// </summary>
/// <remarks>
/// Options: <c>--threads N</c> (default: all cores, both sides), <c>--only a,b</c> (row names),
/// <c>--quick true</c> (smaller problems for a smoke test; the default follows the convention).
/// Extra columns: GFLOP/s of both sides and the fraction of the machine's FP32 FMA peak
/// (<c>--peak-gflops</c>, default 430, measured on the 2-core CI machine).
/// </remarks>
public static class EngineSuite
{
    public static int Run(string[] args)
    {
        var arguments = SuiteArguments.Parse(args);
        var options = arguments.Options;
        var threads = int.Parse(options.GetValueOrDefault("threads", Environment.ProcessorCount.ToString()));
        var quick = options.GetValueOrDefault("quick", "false") == "true";
        var peak = double.Parse(options.GetValueOrDefault("peak-gflops", "430"), System.Globalization.CultureInfo.InvariantCulture);
        var only = options.TryGetValue("only", out var list) ? new HashSet<string>(list.Split(',')) : null;
        var script = SuiteArguments.PeerScript("engine");
        var hasPeer = PeerProcess.IsAvailable(script);
        var kernels = new CpuKernels(threads);
        var harness = new BenchmarkHarness("engine");
        var t = threads.ToString();

        bool Wanted(string row) => only is null || only.Contains(row);

        void Row(string name, double flops, Action ours, string[] peerArgs)
        {
            var row = harness.Measure(name, ours, hasPeer ? "pytorch" : null, hasPeer ? () => PeerProcess.Time(script, peerArgs) : null,
                extraFromMs: ms => new Dictionary<string, double>
                {
                    ["gflops"] = Math.Round(flops / (ms * 1e6), 1),
                    ["fraction_of_peak"] = Math.Round(flops / (ms * 1e6) / peak, 3),
                    ["threads"] = threads,
                });
            if (row.PeerMs is { } peerMs)
            {
                row.Extra["peer_gflops"] = Math.Round(flops / (peerMs * 1e6), 1);
            }
        }

        var n = quick ? 1024 : 2048;
        if (Wanted("sgemm-2048"))
        {
            var a = RandomArray(n * n, 1);
            var b = RandomArray(n * n, 2);
            var c = new float[n * n];
            Row("sgemm-2048", 2.0 * n * n * n, () => kernels.Sgemm(false, false, n, n, n, 1f, a, b, 0f, c), ["sgemm", t, n.ToString()]);
        }

        var size = quick ? 128 : 256;
        var conv = new Conv2dGeometry(1, 64, size, size, 64, 3, 3, PadH: 1, PadW: 1);
        if (Wanted("conv3x3-64-256-fwd") || Wanted("conv3x3-64-256-bwd"))
        {
            var input = RandomArray((int)conv.InputLength, 3);
            var weight = RandomArray((int)conv.WeightLength, 4, 0.05f);
            var bias = RandomArray(conv.OutChannels, 5);
            var output = new float[conv.OutputLength];
            var gradOutput = RandomArray((int)conv.OutputLength, 6);
            var gradInput = new float[conv.InputLength];
            var gradWeight = new float[conv.WeightLength];
            var gradBias = new float[conv.OutChannels];
            var flops = 2.0 * conv.MultiplyAdds;
            string[] peerArgs = [t, "64", size.ToString()];
            if (Wanted("conv3x3-64-256-fwd"))
            {
                Row("conv3x3-64-256-fwd", flops, () => kernels.Conv2dForward(conv, input, weight, bias, [], output), ["conv-fwd", .. peerArgs]);
            }

            if (Wanted("conv3x3-64-256-bwd"))
            {
                Row("conv3x3-64-256-bwd", 2 * flops, () =>
                {
                    // Gradients accumulate; clear them as an op would for a fresh step.
                    Array.Clear(gradInput);
                    Array.Clear(gradWeight);
                    Array.Clear(gradBias);
                    kernels.Conv2dBackwardData(conv, gradOutput, weight, [], gradInput);
                    kernels.Conv2dBackwardWeight(conv, input, gradOutput, [], gradWeight, gradBias);
                }, ["conv-bwd", .. peerArgs]);
            }
        }

        if (hasPeer && Wanted("sgemm-2048") && !quick)
        {
            // For the record: torch.matmul on Debian's generic BLAS (not PyTorch's best path, so not the ratio).
            var blas = PeerProcess.Time(script, "sgemm-blas", t, n.ToString());
            Console.Error.WriteLine($"engine: torch.matmul through Debian's reference BLAS: {blas.Ms:0} ms ({2.0 * n * n * n / (blas.Ms * 1e6):0.0} GFLOP/s)");
        }

        return harness.Finish(arguments.ResultsDirectory);
    }

    private static float[] RandomArray(int length, int seed, float scale = 1f)
    {
        var rng = new Random(seed);
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        }

        return values;
    }
}
