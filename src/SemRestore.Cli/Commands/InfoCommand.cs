using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SemRestore.Imaging.Io;

namespace SemRestore.Cli.Commands;

/// <summary><c>semrestore info FILE [--json]</c>: size, bit depth, sample format, pages, compression, colour model, layout and metadata.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Image file (.tif/.tiff, .png, .pgm, .pfm)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text (for scripts)." };
        var command = new Command("info", "Describe an image file without decoding its pixels: size, bit depth, pages, compression, metadata.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        CliAction.Set(command, (parseResult, context) =>
        {
            var path = parseResult.GetValue(file)!;
            var info = ImageIo.Probe(path);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(new
                {
                    file = path,
                    format = info.Format.ToString().ToUpperInvariant(),
                    width = info.Width,
                    height = info.Height,
                    bit_depth = info.BitDepth,
                    sample_format = info.SampleFormat,
                    pages = info.Pages,
                    compression = info.Compression,
                    color_model = info.ColorModel,
                    metadata = info.Metadata,
                }));
                return ExitCodes.Success;
            }

            var output = context.Output;
            output.WriteLine($"file:          {path}");
            output.WriteLine($"format:        {info.Format.ToString().ToUpperInvariant()}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size:          {info.Width} x {info.Height} pixels"));
            output.WriteLine($"bit depth:     {info.BitDepth} ({info.SampleFormat})");
            output.WriteLine($"pages:         {info.Pages}");
            output.WriteLine($"compression:   {info.Compression}");
            output.WriteLine($"colour model:  {info.ColorModel}");
            if (info.Metadata.TryGetValue("tiff.layout", out var layout))
            {
                output.WriteLine($"layout:        {layout}");
            }

            var keys = info.Metadata.Keys.Where(key => key != "tiff.layout").Order(StringComparer.Ordinal).ToList();
            if (keys.Count > 0)
            {
                output.WriteLine("metadata:");
                foreach (var key in keys)
                {
                    // Vendor tags hold INI-style text over many lines; indent continuation lines under the key.
                    var lines = info.Metadata[key].ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
                    output.WriteLine($"  {key}: {lines[0]}");
                    for (var i = 1; i < lines.Length; i++)
                    {
                        output.WriteLine($"    {lines[i]}");
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
