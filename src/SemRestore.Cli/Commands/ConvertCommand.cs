using System.CommandLine;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore convert IN OUT [--depth 8|16|32] [--compression none|lzw|deflate] [--page N]</c>: converts between
/// TIFF, PNG, PGM and PFM (formats from the extensions). Every page of a stack is converted when OUT is a TIFF.
/// </summary>
public static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "Image to read (.tif/.tiff, .png, .pgm, .pfm)." };
        var output = new Argument<string>("OUT") { Description = "Image to write; the format follows the extension. Written atomically." };
        var depth = new Option<int?>("--depth") { Description = "Output bit depth: 8, 16 (unsigned integer) or 32 (float; TIFF and PFM only). Default: the input's depth." };
        var compression = new Option<string>("--compression") { Description = "TIFF compression: none, lzw or deflate (other formats ignore it).", DefaultValueFactory = _ => "none" };
        compression.AcceptOnlyFromAmong("none", "lzw", "deflate");
        var page = new Option<int?>("--page") { Description = "Convert only this page (0-based) of a multi-page input. Default: all pages." };
        var command = new Command("convert", "Convert an image or a stack between TIFF, PNG, PGM and PFM, optionally changing bit depth and TIFF compression.");
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(depth);
        command.Options.Add(compression);
        command.Options.Add(page);
        CliAction.Set(command, (parseResult, context) =>
        {
            var inPath = parseResult.GetValue(input)!;
            var outPath = parseResult.GetValue(output)!;
            var bitDepth = parseResult.GetValue(depth);
            if (bitDepth is { } d && d is not (8 or 16 or 32))
            {
                throw new CliUsageException($"--depth must be 8, 16 or 32, got {d}.");
            }

            var outFormat = ImageIo.FormatOf(outPath);
            if (bitDepth == 32 && outFormat is ImageFileFormat.Png or ImageFileFormat.Pgm)
            {
                throw new CliUsageException($"--depth 32 needs a float format (.tif or .pfm); {outFormat.ToString().ToUpperInvariant()} holds 8 or 16-bit integers.");
            }

            var tiffCompression = parseResult.GetValue(compression) switch
            {
                "lzw" => TiffCompression.Lzw,
                "deflate" => TiffCompression.Deflate,
                _ => TiffCompression.None,
            };
            context.Cancellation.ThrowIfCancellationRequested();
            IReadOnlyList<GrayImage> frames = ImageIo.ReadStack(inPath);
            if (parseResult.GetValue(page) is { } index)
            {
                if (index < 0 || index >= frames.Count)
                {
                    throw new CliUsageException($"--page {index} is out of range: {inPath} has {frames.Count} page(s), numbered 0 to {frames.Count - 1}.");
                }

                frames = [frames[index]];
            }

            if (frames.Count > 1 && outFormat != ImageFileFormat.Tiff)
            {
                throw new CliUsageException($"{inPath} has {frames.Count} pages but {outFormat.ToString().ToUpperInvariant()} holds one image; write a .tif or choose one with --page.");
            }

            foreach (var frame in frames)
            {
                if (frame.Metadata.TryGetValue("warning", out var warning))
                {
                    context.Error.WriteLine($"semrestore convert: warning: {inPath}: {warning}");
                    frame.Metadata.Remove("warning");
                    break;
                }
            }

            context.Cancellation.ThrowIfCancellationRequested();
            ImageIo.WriteStack(outPath, frames, new ImageWriteOptions(bitDepth, tiffCompression));
            var written = ImageIo.Probe(outPath);
            context.Output.WriteLine($"wrote {outPath}: {written.Pages} page(s), {written.Width} x {written.Height}, {written.BitDepth}-bit {written.SampleFormat}, compression {written.Compression}");
            return ExitCodes.Success;
        });
        return command;
    }
}
