using System.CommandLine;
using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Imaging.Registration;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore average FILES... -o OUT [--register] [--reference N] [--depth 8|16|32]</c>: the mean of every frame
/// (every page of multi-page TIFFs), optionally aligned to the reference frame by sub-pixel phase correlation.
/// </summary>
public static class AverageCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILES") { Description = "Frames to average: images or multi-page TIFF stacks (all pages are used).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The averaged image (format from the extension; written atomically).", Required = true };
        var register = new Option<bool>("--register") { Description = "Align every frame to the reference frame (sub-pixel phase correlation, bicubic resampling) before averaging." };
        var referenceIndex = new Option<int>("--reference") { Description = "0-based index of the reference frame among all frames read.", DefaultValueFactory = _ => 0 };
        var depth = new Option<int?>("--depth") { Description = "Output bit depth 8, 16 or 32 (float). Default: the reference frame's depth." };
        var command = new Command("average", "Average a stack of frames (F01 scans into an F08/F64 image), optionally registering them first.");
        command.Arguments.Add(files);
        command.Options.Add(output);
        command.Options.Add(register);
        command.Options.Add(referenceIndex);
        command.Options.Add(depth);
        CliAction.Set(command, (parseResult, context) =>
        {
            var paths = parseResult.GetValue(files)!;
            var outPath = parseResult.GetValue(output)!;
            var bitDepth = parseResult.GetValue(depth);
            if (bitDepth is { } d && d is not (8 or 16 or 32))
            {
                throw new CliUsageException($"--depth must be 8, 16 or 32, got {d}.");
            }

            ImageIo.FormatOf(outPath); // Fail on a bad output extension before reading anything.
            var frames = new List<GrayImage>();
            var origins = new List<string>();
            foreach (var path in paths)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var stack = ImageIo.ReadStack(path);
                for (var page = 0; page < stack.Count; page++)
                {
                    if (frames.Count > 0 && (stack[page].Width != frames[0].Width || stack[page].Height != frames[0].Height))
                    {
                        throw new InvalidInputException(
                            $"{path} (page {page}) is {stack[page].Width}x{stack[page].Height} but {origins[0]} is {frames[0].Width}x{frames[0].Height}; all frames must have the same size.");
                    }

                    frames.Add(stack[page]);
                    origins.Add(stack.Count > 1 ? $"{path} page {page}" : path);
                }
            }

            var index = parseResult.GetValue(referenceIndex);
            if (index < 0 || index >= frames.Count)
            {
                throw new CliUsageException($"--reference {index} is out of range: {frames.Count} frame(s) were read, numbered 0 to {frames.Count - 1}.");
            }

            FrameAveragingResult result;
            using (var bar = context.CreateProgressBar("average"))
            {
                result = FrameAverager.AverageWithShifts(frames, new FrameAveragingOptions(Register: parseResult.GetValue(register), ReferenceIndex: index), bar, context.Cancellation);
            }

            if (result.Shifts is { } shifts)
            {
                for (var k = 0; k < shifts.Count; k++)
                {
                    context.Error.WriteLine(
                        $"semrestore average: {origins[k]}: shift {RegisterCommand.Format(shifts[k].Dx)} {RegisterCommand.Format(shifts[k].Dy)}" +
                        (k == index ? " (reference)" : string.Empty));
                }
            }

            ImageIo.Write(outPath, result.Image, new ImageWriteOptions(bitDepth));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"averaged {frames.Count} frame(s) into {outPath} ({result.Image.Width} x {result.Image.Height})"));
            return ExitCodes.Success;
        });
        return command;
    }
}
