using System.CommandLine;
using System.Diagnostics;
using SemRestore.Classical;
using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Io;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore denoise IN -o OUT --method SPEC [--depth 8|16|32]</c>: runs one denoiser on a file (every page of a
/// TIFF stack) or on every image of a folder (folder in, folder out, same file names, a progress bar). The output keeps
/// the input's bit depth unless --depth says otherwise.
/// </summary>
public static class DenoiseCommand
{
    private static readonly string[] s_extensions = [".tif", ".tiff", ".png", ".pgm", ".pnm", ".pfm"];

    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "Image file (.tif/.tiff, .png, .pgm, .pfm) or a folder of them." };
        var output = new Option<string>("--output", "-o") { Description = "Output file, or output folder when IN is a folder (created if missing).", Required = true };
        var method = new Option<string?>("--method", "-m")
        {
            Description = $"Denoiser as name:key=value,... (for example bm3d:sigma=25, median:size=11,passes=3). Registered: {string.Join(", ", DenoiserRegistry.Names)}.",
        };
        var model = new Option<string?>("--model") { Description = "A trained model folder (model.json + model.safetensors from 'semrestore train') instead of --method." };
        var tile = new Option<int>("--tile") { Description = "With --model: output tile side in pixels (memory grows with (tile + 2 halo)^2; the result does not depend on it).", DefaultValueFactory = _ => 512 };
        var depth = new Option<int?>("--depth") { Description = "Output bit depth: 8, 16 or 32 (float; TIFF and PFM only). Default: each input's depth." };
        var command = new Command("denoise", "Denoise an image, a TIFF stack or a folder of images with a registered denoiser.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(method);
        command.Options.Add(model);
        command.Options.Add(tile);
        command.Options.Add(depth);
        CliAction.Set(command, (parseResult, context) =>
        {
            var bitDepth = parseResult.GetValue(depth);
            if (bitDepth is { } d && d is not (8 or 16 or 32))
            {
                throw new CliUsageException($"--depth must be 8, 16 or 32, got {d}.");
            }

            var denoiser = CreateDenoiser(parseResult.GetValue(method), parseResult.GetValue(model), parseResult.GetValue(tile));
            var inPath = parseResult.GetValue(input)!;
            var outPath = parseResult.GetValue(output)!;
            var writeOptions = new ImageWriteOptions(bitDepth);
            if (Directory.Exists(inPath))
            {
                return DenoiseFolder(denoiser, inPath, outPath, writeOptions, context);
            }

            if (Directory.Exists(outPath))
            {
                outPath = Path.Combine(outPath, Path.GetFileName(inPath));
            }

            EnsureDifferent(inPath, outPath);
            var clock = Stopwatch.StartNew();
            var pages = DenoiseFile(denoiser, inPath, outPath, writeOptions, context.Cancellation);
            context.Output.WriteLine($"wrote {outPath}: {pages} page(s), {denoiser.Description}, {clock.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The one place the command gets its denoiser from. Trained models (<c>--model DIR</c>) plug in here beside
    /// <c>--method</c>; everything after this call treats them alike.
    /// </summary>
    /// <exception cref="CliUsageException">No method was given.</exception>
    /// <exception cref="ArgumentException">The spec names an unknown denoiser or a bad parameter (the message says which).</exception>
    internal static IDenoiser CreateDenoiser(string? methodSpec, string? modelDirectory = null, int tileSize = 512)
    {
        if (modelDirectory is not null)
        {
            if (!string.IsNullOrWhiteSpace(methodSpec))
            {
                throw new CliUsageException("give either --method or --model, not both.");
            }

            return SemRestore.Training.Restorer.Load(modelDirectory, new SemRestore.Training.RestorerOptions(TileSize: tileSize));
        }

        if (string.IsNullOrWhiteSpace(methodSpec))
        {
            throw new CliUsageException($"give --method SPEC or --model DIR, for example --method bm3d:sigma=25; registered: {string.Join(", ", DenoiserRegistry.Names)}.");
        }

        return DenoiserRegistry.Create(methodSpec);
    }

    private static int DenoiseFolder(IDenoiser denoiser, string inFolder, string outFolder, ImageWriteOptions options, CommandContext context)
    {
        EnsureDifferent(inFolder, outFolder);
        if (File.Exists(outFolder))
        {
            throw new CliUsageException($"IN is a folder, so -o must be a folder too, but {outFolder} is a file.");
        }

        var files = Directory.EnumerateFiles(inFolder)
            .Where(path => s_extensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidInputException($"{inFolder}: no images to denoise (looked for {string.Join(", ", s_extensions)}).");
        }

        Directory.CreateDirectory(outFolder);
        var clock = Stopwatch.StartNew();
        using (var progress = context.CreateProgressBar("denoise"))
        {
            progress.Report(new ProgressReport(0, files.Count));
            for (var i = 0; i < files.Count; i++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var name = Path.GetFileName(files[i]);
                DenoiseFile(denoiser, files[i], Path.Combine(outFolder, name), options, context.Cancellation);
                progress.Report(new ProgressReport(i + 1, files.Count, name));
            }
        }

        context.Output.WriteLine($"wrote {files.Count} image(s) to {outFolder}: {denoiser.Description}, {clock.Elapsed.TotalSeconds:0.00} s");
        return ExitCodes.Success;
    }

    private static int DenoiseFile(IDenoiser denoiser, string inPath, string outPath, ImageWriteOptions options, CancellationToken cancellationToken)
    {
        var frames = ImageIo.ReadStack(inPath);
        if (frames.Count > 1 && ImageIo.FormatOf(outPath) != ImageFileFormat.Tiff)
        {
            throw new CliUsageException($"{inPath} has {frames.Count} pages but {Path.GetExtension(outPath)} holds one image; write a .tif.");
        }

        var denoised = new GrayImage[frames.Count];
        for (var i = 0; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            frames[i].Metadata.Remove("warning");
            denoised[i] = denoiser.Denoise(frames[i], cancellationToken);
            denoised[i].BitDepth = frames[i].BitDepth;
        }

        ImageIo.WriteStack(outPath, denoised, options);
        return denoised.Length;
    }

    private static void EnsureDifferent(string inPath, string outPath)
    {
        if (string.Equals(Path.GetFullPath(inPath).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(outPath).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new CliUsageException($"-o must differ from IN ({inPath}); SemRestore never overwrites its input.");
        }
    }
}
