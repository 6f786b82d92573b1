using System.Diagnostics;
using SemRestore.Models.FbiNet;
using SemRestore.Models.UNet;
using SemRestore.Tensors;
using SemRestore.Tensors.Kernels;
using SemRestore.Tensors.Nn;
using SemRestore.Tensors.Optim;

namespace SemRestore.Benchmarks;

/// <summary>
/// The <c>engine</c> suite: SemRestore's tensor engine against PyTorch CPU (Debian python3-torch, tcmalloc,
/// oneDNN) with the same thread count. Rows: <c>sgemm-2048</c>, <c>conv3x3-64-256-fwd</c>,
/// <c>conv3x3-64-256-bwd</c> (kernels called directly), <c>unet-train-b4-256</c> (forward, MSE, backward,
/// Adam at batch 4 of 1x256x256), <c>fbinet-train-b1-256</c> (the same for FBI-Net, batch 1) and
/// <c>unet-infer-2048x3072</c> (one whole 1x2048x3072 image under NoGrad; PyTorch tiled, its faster mode).
/// </summary>
/// <remarks>
/// Options: <c>--threads N</c> (default: all cores, both sides), <c>--only a,b</c> (row names),
/// <c>--quick true</c> (smaller problems for a smoke test; the default follows the convention),
/// <c>--peer false</c> (SemRestore only).
/// Extra columns: GFLOP/s of both sides, the fraction of the machine's FP32 FMA peak
/// (<c>--peak-gflops</c>, default 430, measured on the 2-core CI machine), and SemRestore's CPU time per
/// run with GFLOP per CPU-second (its efficiency whatever share of the cores the scheduler gave it).
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
        var hasPeer = PeerProcess.IsAvailable(script) && options.GetValueOrDefault("peer", "true") != "false";
        var kernels = new CpuKernels(threads);
        var harness = new BenchmarkHarness("engine");
        var t = threads.ToString();

        bool Wanted(string row) => only is null || only.Contains(row);

        void Row(string name, double flops, Action ours, string[] peerArgs)
        {
            // CPU seconds per run as well as wall time: on a shared machine the wall time mostly measures
            // the scheduler, while GFLOP per CPU-second still shows the kernels' efficiency.
            var cpuMs = new List<double>();
            void Timed()
            {
                var start = Process.GetCurrentProcess().TotalProcessorTime;
                ours();
                cpuMs.Add((Process.GetCurrentProcess().TotalProcessorTime - start).TotalMilliseconds);
            }

            double MedianCpuMs()
            {
                var measured = cpuMs.Skip(1).Order().ToList(); // the first call is the warm-up
                return measured.Count == 0 ? double.NaN : measured[measured.Count / 2];
            }

            var row = harness.Measure(name, Timed, hasPeer ? "pytorch" : null, hasPeer ? () => PeerProcess.Time(script, peerArgs) : null,
                extraFromMs: ms => new Dictionary<string, double>
                {
                    ["gflops"] = Math.Round(flops / (ms * 1e6), 1),
                    ["fraction_of_peak"] = Math.Round(flops / (ms * 1e6) / peak, 3),
                    ["threads"] = threads,
                    ["cpu_ms"] = Math.Round(MedianCpuMs(), 1),
                    ["gflops_per_cpu_second"] = Math.Round(flops / (MedianCpuMs() * 1e6), 1),
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

        // Model rows: GFLOP/s from the convolutions' multiply-adds actually computed (masked taps excluded);
        // a training step counts 3x the forward pass (forward, data gradient, weight gradient).
        var trainSize = quick ? 128 : 256;
        if (Wanted("unet-train-b4-256"))
        {
            ComputeKernels.Current = kernels;
            var net = new UNet(new UNetOptions(Seed: 1));
            var step = TrainingStep(net, 4, trainSize);
            Row("unet-train-b4-256", 3 * 4 * UNetForwardFlops(trainSize, trainSize), step, ["unet-train", t, "4", trainSize.ToString()]);
        }

        if (Wanted("fbinet-train-b1-256"))
        {
            ComputeKernels.Current = kernels;
            var net = new FbiNet(new FbiNetOptions(Seed: 1));
            var step = TrainingStep(net, 1, trainSize);
            Row("fbinet-train-b1-256", 3 * FbiNetForwardFlops(net.Options, trainSize, trainSize), step, ["fbinet-train", t, "1", trainSize.ToString()]);
        }

        if (Wanted("unet-infer-2048x3072"))
        {
            ComputeKernels.Current = kernels;
            int height = quick ? 512 : 2048, width = quick ? 768 : 3072;
            var net = new UNet(new UNetOptions(Seed: 1));
            using var image = Tensor.Uniform(new Random(7), 0f, 1f, 1, 1, height, width);
            Row("unet-infer-2048x3072", UNetForwardFlops(height, width), () =>
            {
                using var noGrad = Autograd.NoGrad();
                using var scope = new TensorScope();
                _ = net.Forward(image).Data[0];
            }, ["unet-infer", t, height.ToString(), width.ToString(), "512"]);
        }

        if (hasPeer && Wanted("sgemm-2048") && !quick)
        {
            // For the record: torch.matmul on Debian's generic BLAS (not PyTorch's best path, so not the ratio).
            var blas = PeerProcess.Time(script, "sgemm-blas", t, n.ToString());
            Console.Error.WriteLine($"engine: torch.matmul through Debian's reference BLAS: {blas.Ms:0} ms ({2.0 * n * n * n / (blas.Ms * 1e6):0.0} GFLOP/s)");
        }

        return harness.Finish(arguments.ResultsDirectory);
    }

    /// <summary>One optimisation step: zero gradients, forward, MSE against a fixed target, backward, Adam.</summary>
    internal static Action TrainingStep(Module net, int batch, int size)
    {
        var optimizer = new Adam(net.Parameters(), 1e-4);
        var input = Tensor.Uniform(new Random(8), 0f, 1f, batch, 1, size, size);
        var target = Tensor.Uniform(new Random(9), 0f, 1f, batch, 1, size, size);
        return () =>
        {
            using var scope = new TensorScope();
            optimizer.ZeroGrad();
            var loss = Ops.Mean(Ops.Square(Ops.Sub(net.Forward(input), target)));
            loss.Backward();
            optimizer.Step();
        };
    }

    /// <summary>2 x multiply-adds of the U-Net's convolutions (SPECS A1) for one 1-channel H x W image.</summary>
    private static double UNetForwardFlops(int height, int width)
    {
        double pixels = (double)height * width, macs = pixels * 9 * (1 * 48 + 48 * 48);
        for (var level = 1; level <= 5; level++)
        {
            macs += pixels / Math.Pow(4, level) * 9 * 48 * 48; // enc_conv2..6 at 1/2 .. 1/32
        }

        macs += pixels / Math.Pow(4, 4) * 9 * (96 * 96 + 96 * 96); // dec_conv5, 5b at 1/16
        for (var level = 3; level >= 1; level--)
        {
            macs += pixels / Math.Pow(4, level) * 9 * (144 * 96 + 96 * 96); // dec_conv4..2 at 1/8 .. 1/2
        }

        macs += pixels * 9 * (97 * 64 + 64 * 32 + 32 * 1);
        return 2 * macs;
    }

    /// <summary>2 x multiply-adds of FBI-Net (SPECS A2) counting only the kept taps of the masked convs.</summary>
    private static double FbiNetForwardFlops(FbiNetOptions o, int height, int width)
    {
        double f = o.Filters, residual = 2 * f * f * o.Multiplier;
        var macs = o.InChannels * f * 8 + f * f * 9 + (o.Layers - 2) * f * f * 5 + (o.Layers + 1) * residual + f * o.OutChannels;
        return 2 * macs * height * width;
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
