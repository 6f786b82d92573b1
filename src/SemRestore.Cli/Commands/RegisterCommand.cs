using System.CommandLine;
using System.Globalization;
using SemRestore.Imaging;
using SemRestore.Imaging.Geometry;
using SemRestore.Imaging.Io;
using SemRestore.Imaging.Registration;

namespace SemRestore.Cli.Commands;

/// <summary>
/// <c>semrestore register REFERENCE MOVING [-o ALIGNED] [--method psnr|phase] [--search 40] ...</c>: prints the shift
/// as <c>dx dy</c> on stdout (moving(x + dx, y + dy) ≈ reference(x, y)); score and the residual left after the
/// global shift go to stderr.
/// </summary>
public static class RegisterCommand
{
    public static Command Create()
    {
        var referenceArgument = new Argument<string>("REFERENCE") { Description = "The reference image (for PSNR matching the cleaner one, e.g. the F64 average)." };
        var movingArgument = new Argument<string>("MOVING") { Description = "The image to align to the reference; same size." };
        var output = new Option<string?>("--output", "-o") { Description = "Write MOVING aligned to REFERENCE here (same size, shifted-in border replicated; with --crop, cropped)." };
        var method = new Option<string>("--method") { Description = "psnr: exhaustive integer search (ReNIn); phase: sub-pixel phase correlation.", DefaultValueFactory = _ => "psnr" };
        method.AcceptOnlyFromAmong("psnr", "phase");
        var search = new Option<int>("--search") { Description = "Search radius R in px: psnr tries -R..R-1, phase accepts |shift| <= R. 1..1024.", DefaultValueFactory = _ => 40 };
        var window = new Option<int>("--window") { Description = "psnr: edge of the square comparison window in px (8..4096).", DefaultValueFactory = _ => 256 };
        var vote = new Option<bool>("--vote") { Description = "psnr: let a 3x3 grid of windows vote (for scenes whose centre is flat)." };
        var strips = new Option<int>("--strips") { Description = "Strips of rows for the residual estimate after the global shift (0 = skip; 0..64).", DefaultValueFactory = _ => 4 };
        var ignoreBottom = new Option<int>("--ignore-bottom") { Description = "Leave out this many bottom rows (an SEM data bar) when registering.", DefaultValueFactory = _ => 0 };
        var crop = new Option<bool>("--crop") { Description = "With -o: crop the aligned image by search + 1 px on every side, as ReNIn's 3_align_images.py." };
        var referenceOutput = new Option<string?>("--reference-output") { Description = "With --crop: also write the reference cropped the same way here." };
        var command = new Command("register", "Find the shift between two images (prints 'dx dy') and optionally write the aligned image.");
        command.Arguments.Add(referenceArgument);
        command.Arguments.Add(movingArgument);
        foreach (var option in new Option[] { output, method, search, window, vote, strips, ignoreBottom, crop, referenceOutput })
        {
            command.Options.Add(option);
        }

        CliAction.Set(command, (parseResult, context) =>
        {
            var referencePath = parseResult.GetValue(referenceArgument)!;
            var movingPath = parseResult.GetValue(movingArgument)!;
            var radius = parseResult.GetValue(search);
            var rowsLeftOut = parseResult.GetValue(ignoreBottom);
            var outputPath = parseResult.GetValue(output);
            var cropOutput = parseResult.GetValue(crop);
            var referenceOutputPath = parseResult.GetValue(referenceOutput);
            if (radius is < 1 or > 1024)
            {
                throw new CliUsageException($"--search must be in 1..1024, got {radius}.");
            }

            if (referenceOutputPath is not null && !cropOutput)
            {
                throw new CliUsageException("--reference-output needs --crop (an uncropped reference is the input itself).");
            }

            if (cropOutput && outputPath is null)
            {
                throw new CliUsageException("--crop needs -o ALIGNED.");
            }

            var reference = ImageIo.Read(referencePath);
            var moving = ImageIo.Read(movingPath);
            if (reference.Width != moving.Width || reference.Height != moving.Height)
            {
                throw new InvalidInputException(
                    $"{movingPath} is {moving.Width}x{moving.Height} but the reference {referencePath} is {reference.Width}x{reference.Height}; registration needs equal sizes.");
            }

            if (rowsLeftOut < 0 || rowsLeftOut >= reference.Height - 8)
            {
                throw new CliUsageException($"--ignore-bottom must be in 0..{reference.Height - 9} for a {reference.Height}-row image, got {rowsLeftOut}.");
            }

            var referenceRegion = ImageGeometry.Crop(reference, 0, 0, reference.Width, reference.Height - rowsLeftOut);
            var movingRegion = ImageGeometry.Crop(moving, 0, 0, moving.Width, moving.Height - rowsLeftOut);
            context.Cancellation.ThrowIfCancellationRequested();
            var phaseOptions = new PhaseCorrelationOptions(MaxShift: radius, ResidualStrips: 0);
            var result = parseResult.GetValue(method) == "phase"
                ? PhaseCorrelation.Register(referenceRegion, movingRegion, phaseOptions)
                : PsnrMatching.Register(
                    referenceRegion,
                    movingRegion,
                    new PsnrMatchingOptions(
                        WindowSize: parseResult.GetValue(window),
                        SearchRadius: radius,
                        Placement: parseResult.GetValue(vote) ? PsnrWindowPlacement.VotingWindows : PsnrWindowPlacement.CodeCentre));
            var stripCount = parseResult.GetValue(strips);
            if (stripCount is < 0 or > 64)
            {
                throw new CliUsageException($"--strips must be in 0..64, got {stripCount}.");
            }

            if (stripCount > 0)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                result = PhaseCorrelation.WithResidual(referenceRegion, movingRegion, result, stripCount, phaseOptions);
            }

            context.Output.WriteLine($"{Format(result.Dx)} {Format(result.Dy)}");
            WriteDetails(context.Error, result);

            if (outputPath is not null)
            {
                if (cropOutput)
                {
                    var (croppedReference, croppedMoving) = PsnrMatching.CropAligned(reference, moving, result, radius);
                    ImageIo.Write(outputPath, croppedMoving);
                    if (referenceOutputPath is not null)
                    {
                        ImageIo.Write(referenceOutputPath, croppedReference);
                    }
                }
                else
                {
                    ImageIo.Write(outputPath, Resampler.Shift(moving, -result.Dx, -result.Dy));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Whole numbers print without decimals, sub-pixel shifts with three.</summary>
    internal static string Format(double value)
    {
        if (value == Math.Round(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static void WriteDetails(TextWriter error, RegistrationResult result)
    {
        var score = result.Method == "psnr"
            ? $"PSNR {result.Score.ToString("0.00", CultureInfo.InvariantCulture)} dB"
            : $"correlation {result.Score.ToString("0.000", CultureInfo.InvariantCulture)}";
        error.WriteLine($"semrestore register: method {result.Method}, {score}" + (result.Note is null ? string.Empty : $" ({result.Note})"));
        if (result.ResidualPx is { } max && result.LocalShifts is { Count: > 0 } local)
        {
            var rms = result.ResidualRmsPx ?? 0;
            error.WriteLine(
                $"semrestore register: residual after the global shift: max {max.ToString("0.00", CultureInfo.InvariantCulture)} px, " +
                $"rms {rms.ToString("0.00", CultureInfo.InvariantCulture)} px over {local.Count} strips of rows");
            foreach (var strip in local)
            {
                error.WriteLine(
                    $"  rows {strip.Y}-{strip.Y + strip.Height - 1}: {strip.Dx.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} " +
                    $"{strip.Dy.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)}");
            }

            if (max > 0.5)
            {
                error.WriteLine("semrestore register: warning: the image drifts within the frame; one global shift leaves more than 0.5 px misaligned.");
            }
        }
    }
}
