using System.CommandLine;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Synthesis.Degradation;
using SemRestore.Synthesis.Noise;
using SemRestore.Synthesis.Randomness;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore noise MODEL IN -o OUT --seed N</c>: applies a noise model (<c>poisson:lambda=1000</c>) or a degradation
/// pipeline (<c>blur:sigma=0.5..2 + rescale:factor=2 + gaussian:sigma=2..25</c>) to an image or every page of a stack.
/// </summary>
public static class NoiseCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL")
        {
            Description = $"Noise model ({string.Join(", ", NoiseModelRegistry.Names)}) with parameters, e.g. poisson:lambda=1000, "
                + "or a degradation pipeline: steps joined by '+', blur:sigma=A..B, rescale:factor=A..B,methods=nearest|bilinear|bicubic|lanczos, "
                + "noise models with ranges and '|' between alternatives.",
        };
        var input = new Argument<string>("IN") { Description = "Image or stack to read (.tif, .png, .pgm, .pfm); values are taken as [0, 1]." };
        var output = new Option<string>("--output", "-o") { Description = "Image to write (format from the extension), atomically.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed writes the same bytes.", DefaultValueFactory = _ => 1 };
        var depth = new Option<int?>("--depth") { Description = "Output bit depth 8, 16 or 32. Default: the input's." };
        var command = new Command("noise", "Apply a noise model or a degradation pipeline to an image.");
        command.Arguments.Add(model);
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(depth);
        CliAction.Set(command, (parseResult, context) =>
        {
            var pipeline = DegradationPipeline.Parse(parseResult.GetValue(model)!);
            if (parseResult.GetValue(depth) is { } d && d is not (8 or 16 or 32))
            {
                throw new CliUsageException($"--depth must be 8, 16 or 32, got {d}.");
            }

            var inPath = parseResult.GetValue(input)!;
            var outPath = parseResult.GetValue(output)!;
            var frames = ImageIo.ReadStack(inPath);
            if (frames.Count > 1 && ImageIo.FormatOf(outPath) != ImageFileFormat.Tiff)
            {
                throw new CliUsageException($"{inPath} has {frames.Count} pages; write them to a .tif.");
            }

            var baseSeed = parseResult.GetValue(seed);
            var noisy = new List<GrayImage>(frames.Count);
            for (var page = 0; page < frames.Count; page++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var pageSeed = frames.Count == 1 ? baseSeed : CounterRandom.Key(baseSeed, (ulong)page);
                var result = pipeline.Apply(frames[page], pageSeed, context.Cancellation);
                result.BitDepth = frames[page].BitDepth;
                noisy.Add(result);
            }

            ImageIo.WriteStack(outPath, noisy, new ImageWriteOptions(parseResult.GetValue(depth)));
            context.Output.WriteLine($"wrote {outPath}: {pipeline.Spec}, seed {baseSeed}, {frames.Count} page(s) {frames[0].Width} x {frames[0].Height}");
            return ExitCodes.Success;
        });
        return command;
    }
}
