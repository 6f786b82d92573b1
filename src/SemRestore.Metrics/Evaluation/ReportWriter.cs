using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SemRestore.Imaging.Io;

namespace SemRestore.Metrics.Evaluation;

/// <summary>
/// Writes an evaluation to a folder: report.md and report.html (mean table, per-kind table in the layout of the ReNIn
/// paper's Tables 2 and 3, per-scene table, noise and alignment tables; best value per column in bold: highest PSNR
/// and SSIM, lowest FR), results.json (<see cref="EvaluationResult"/>), results.csv (one row per scene and method)
/// and images/ (crops of input, outputs and reference, and the noise-correlation heat map, as PNG). Files are written
/// atomically.
/// </summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The JSON options results.json uses (camelCase, "Infinity" for an exact PSNR match).</summary>
    public static JsonSerializerOptions JsonOptions => s_json;

    /// <summary>Writes all report files into <paramref name="directory"/> (created if needed); returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string directory, EvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var figures = WriteImages(directory, run, written);
        var result = run.Result;

        var json = Path.Combine(directory, "results.json");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(result, s_json));
        written.Add(json);
        var csv = Path.Combine(directory, "results.csv");
        AtomicFile.WriteAllText(csv, Csv(result));
        written.Add(csv);
        var markdown = Path.Combine(directory, "report.md");
        AtomicFile.WriteAllText(markdown, Markdown(result, figures));
        written.Add(markdown);
        var html = Path.Combine(directory, "report.html");
        AtomicFile.WriteAllText(html, Html(result, figures));
        written.Add(html);
        return written;
    }

    private static List<(string Item, List<(string Label, string Path)> Crops, string? HeatMap)> WriteImages(string directory, EvaluationRun run, List<string> written)
    {
        var figures = new List<(string, List<(string, string)>, string?)>();
        foreach (var item in run.Images)
        {
            var folder = Path.Combine("images", SafeName(item.Item));
            var crops = new List<(string, string)>();
            for (var i = 0; i < item.Crops.Count; i++)
            {
                var (label, crop) = item.Crops[i];
                var relative = Path.Combine(folder, $"{i:00}-{SafeName(label)}.png");
                ReportFigures.WriteGray(Path.Combine(directory, relative), crop, run.Result.DataRange);
                written.Add(Path.Combine(directory, relative));
                crops.Add((label, relative.Replace('\\', '/')));
            }

            string? heatMap = null;
            if (item.Correlation is not null)
            {
                heatMap = Path.Combine(folder, "noise-correlation.png");
                ReportFigures.WriteHeatMap(Path.Combine(directory, heatMap), item.Correlation);
                written.Add(Path.Combine(directory, heatMap));
                heatMap = heatMap.Replace('\\', '/');
            }

            figures.Add((item.Item, crops, heatMap));
        }

        return figures;
    }

    internal static string SafeName(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        }

        return builder.ToString();
    }

    private static string Csv(EvaluationResult result)
    {
        var text = new StringBuilder("scene,kind,split,method,input,psnr,ssim,failure_rate,circles_found,circles_detected,ground_truth_circles,milliseconds,gain,offset\n");
        foreach (var item in result.Items)
        {
            foreach (var s in item.Scores)
            {
                text.AppendLine(string.Join(',', CsvField(item.Name), CsvField(item.Kind), CsvField(item.Split ?? string.Empty), CsvField(s.Label), CsvField(s.Input),
                    Number(s.Psnr, "R"), Number(s.Ssim, "R"), Number(s.FailureRate, "R"), s.CirclesFound?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    s.CirclesDetected?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, item.GroundTruthCircles.ToString(CultureInfo.InvariantCulture),
                    Number(s.Milliseconds, "0.###"), Number(s.Gain, "R"), Number(s.Offset, "R")));
            }
        }

        return text.ToString();
    }

    private static string CsvField(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A table as header + rows of cells; <paramref name="bold"/> marks cells to emphasise.</summary>
    private sealed record Table(string[] Header, List<string[]> Rows, HashSet<(int Row, int Column)> Bold);

    private static Table MeanTable(IReadOnlyList<MethodSummary> methods)
    {
        var rows = methods.Select(m => new[] { m.Label, m.Input, F(m.Psnr, "0.00"), F(m.Ssim, "0.0000"), F(m.FailureRate, "0.0"), F(m.Milliseconds, "0") }).ToList();
        var bold = new HashSet<(int, int)>();
        MarkBest(bold, methods.Select(m => (double?)m.Psnr).ToList(), 2, higherIsBetter: true);
        MarkBest(bold, methods.Select(m => (double?)m.Ssim).ToList(), 3, higherIsBetter: true);
        MarkBest(bold, methods.Select(m => m.FailureRate).ToList(), 4, higherIsBetter: false);
        return new Table(new[] { "Method", "Input", "PSNR (dB)", "SSIM", "FR (%)", "Time (ms)" }, rows, bold);
    }

    private static Table KindTable(EvaluationResult result)
    {
        var header = new List<string> { "Method" };
        foreach (var kind in result.Kinds)
        {
            header.Add($"{kind.Kind} PSNR");
            header.Add($"{kind.Kind} SSIM");
            header.Add($"{kind.Kind} FR (%)");
        }

        var rows = new List<string[]>();
        for (var m = 0; m < result.Methods.Count; m++)
        {
            var row = new List<string> { result.Methods[m].Label };
            foreach (var kind in result.Kinds)
            {
                var s = kind.Methods[m];
                row.Add(F(s.Psnr, "0.00"));
                row.Add(F(s.Ssim, "0.0000"));
                row.Add(F(s.FailureRate, "0.0"));
            }

            rows.Add(row.ToArray());
        }

        var bold = new HashSet<(int, int)>();
        for (var k = 0; k < result.Kinds.Count; k++)
        {
            var methods = result.Kinds[k].Methods;
            MarkBest(bold, methods.Select(m => (double?)m.Psnr).ToList(), 1 + 3 * k, true);
            MarkBest(bold, methods.Select(m => (double?)m.Ssim).ToList(), 2 + 3 * k, true);
            MarkBest(bold, methods.Select(m => m.FailureRate).ToList(), 3 + 3 * k, false);
        }

        return new Table(header.ToArray(), rows, bold);
    }

    private static Table SceneTable(EvaluationResult result)
    {
        var rows = new List<string[]>();
        var bold = new HashSet<(int, int)>();
        foreach (var item in result.Items)
        {
            var first = rows.Count;
            foreach (var s in item.Scores)
            {
                rows.Add(new[]
                {
                    item.Name, item.Kind, s.Label, F(s.Psnr, "0.00"), F(s.Ssim, "0.0000"), F(s.FailureRate, "0.0"),
                    s.CirclesFound is null ? "-" : $"{s.CirclesFound}/{item.GroundTruthCircles}", F(s.Milliseconds, "0"),
                    F(s.Gain, "0.000"), F(s.Offset, "0.0000"),
                });
            }

            var local = new HashSet<(int, int)>();
            MarkBest(local, item.Scores.Select(s => (double?)s.Psnr).ToList(), 3, true);
            MarkBest(local, item.Scores.Select(s => (double?)s.Ssim).ToList(), 4, true);
            MarkBest(local, item.Scores.Select(s => s.FailureRate).ToList(), 5, false);
            foreach (var (row, column) in local)
            {
                bold.Add((first + row, column));
            }
        }

        return new Table(new[] { "Scene", "Kind", "Method", "PSNR (dB)", "SSIM", "FR (%)", "Holes found", "Time (ms)", "Gain", "Offset" }, rows, bold);
    }

    private static Table NoiseTable(EvaluationResult result)
    {
        var rows = result.Items.Select(i => new[]
        {
            i.Name, i.Noise is null ? "-" : F(i.Noise.ResidualSigma * 255, "0.00"), F(i.Noise?.CorrelationX1, "0.000"), F(i.Noise?.CorrelationY1, "0.000"),
            string.Join("; ", i.Alignments.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Frame}: ({a.Dx:0.##}, {a.Dy:0.##})"))),
            i.CircleSource, i.GroundTruthCircles.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        return new Table(new[] { "Scene", "Residual sigma (8-bit DN)", "corr(1,0)", "corr(0,1)", "Shift (dx, dy)", "Circles from", "Holes" }, rows, new HashSet<(int, int)>());
    }

    private static void MarkBest(HashSet<(int, int)> bold, List<double?> values, int column, bool higherIsBetter)
    {
        var present = values.Where(v => v is { } x && !double.IsNaN(x)).Select(v => v!.Value).ToList();
        if (present.Count < 2)
        {
            return;
        }

        var best = higherIsBetter ? present.Max() : present.Min();
        for (var row = 0; row < values.Count; row++)
        {
            if (values[row] == best)
            {
                bold.Add((row, column));
            }
        }
    }

    private static string F(double? value, string format) => value switch
    {
        null => "-",
        { } v when double.IsPositiveInfinity(v) => "inf",
        { } v => v.ToString(format, CultureInfo.InvariantCulture),
    };

    private static string Markdown(EvaluationResult result, List<(string Item, List<(string Label, string Path)> Crops, string? HeatMap)> figures)
    {
        var text = new StringBuilder();
        text.AppendLine("# SemRestore evaluation").AppendLine();
        text.AppendLine($"Dataset `{result.Dataset}` ({result.Layout}, {result.Items.Count} scenes); input {result.Input}, reference {result.Reference}; " +
                        $"registration: {result.Aligner}; SSIM: {result.Ssim}, data range {result.DataRange.ToString(CultureInfo.InvariantCulture)}; " +
                        $"intensity matching: {(result.MatchIntensity ? "least-squares gain and offset per image" : "off")}. Best value per column in bold.").AppendLine();
        text.AppendLine("## Mean over all scenes").AppendLine();
        AppendMarkdown(text, MeanTable(result.Methods));
        text.AppendLine("## Per scene kind (the layout of ReNIn Tables 2 and 3)").AppendLine();
        AppendMarkdown(text, KindTable(result));
        text.AppendLine("## Per scene").AppendLine();
        AppendMarkdown(text, SceneTable(result));
        text.AppendLine("## Noise and registration").AppendLine();
        AppendMarkdown(text, NoiseTable(result));
        foreach (var (item, crops, heatMap) in figures)
        {
            text.AppendLine($"### {item}").AppendLine();
            text.AppendLine(string.Join(" ", crops.Select(c => $"![{c.Label}]({c.Path})"))).AppendLine();
            text.AppendLine(string.Join(" | ", crops.Select(c => c.Label))).AppendLine();
            if (heatMap is not null)
            {
                text.AppendLine($"Noise correlation of the input residual (offsets -k..k; red +1, white 0, blue -1): ![noise correlation]({heatMap})").AppendLine();
            }
        }

        return text.ToString();
    }

    private static void AppendMarkdown(StringBuilder text, Table table)
    {
        text.AppendLine("| " + string.Join(" | ", table.Header) + " |");
        text.AppendLine("|" + string.Join("|", table.Header.Select((_, i) => i == 0 ? "---" : "---:")) + "|");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r].Select((cell, c) => table.Bold.Contains((r, c)) ? $"**{cell}**" : cell.Replace("|", "\\|"));
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }

        text.AppendLine();
    }

    private static string Html(EvaluationResult result, List<(string Item, List<(string Label, string Path)> Crops, string? HeatMap)> figures)
    {
        var text = new StringBuilder();
        text.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SemRestore evaluation</title><style>");
        text.AppendLine("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}");
        text.AppendLine("td:first-child,th:first-child{text-align:left}figure{display:inline-block;margin:4px;text-align:center}img{image-rendering:pixelated}</style></head><body>");
        text.AppendLine("<h1>SemRestore evaluation</h1>");
        text.AppendLine($"<p>Dataset <code>{E(result.Dataset)}</code> ({E(result.Layout)}, {result.Items.Count} scenes); input {E(result.Input)}, reference {E(result.Reference)}; " +
                        $"registration: {E(result.Aligner)}; SSIM: {E(result.Ssim)}, data range {result.DataRange.ToString(CultureInfo.InvariantCulture)}; " +
                        $"intensity matching: {(result.MatchIntensity ? "least-squares gain and offset per image" : "off")}. Best value per column in bold.</p>");
        text.AppendLine("<h2>Mean over all scenes</h2>");
        AppendHtml(text, MeanTable(result.Methods));
        text.AppendLine("<h2>Per scene kind (the layout of ReNIn Tables 2 and 3)</h2>");
        AppendHtml(text, KindTable(result));
        text.AppendLine("<h2>Per scene</h2>");
        AppendHtml(text, SceneTable(result));
        text.AppendLine("<h2>Noise and registration</h2>");
        AppendHtml(text, NoiseTable(result));
        foreach (var (item, crops, heatMap) in figures)
        {
            text.AppendLine($"<h3>{E(item)}</h3><div>");
            foreach (var (label, path) in crops)
            {
                text.AppendLine($"<figure><img src=\"{E(path)}\" alt=\"{E(label)}\"><figcaption>{E(label)}</figcaption></figure>");
            }

            if (heatMap is not null)
            {
                text.AppendLine($"<figure><img src=\"{E(heatMap)}\" alt=\"noise correlation\"><figcaption>noise correlation (red +1, blue -1)</figcaption></figure>");
            }

            text.AppendLine("</div>");
        }

        text.AppendLine("</body></html>");
        return text.ToString();
    }

    private static void AppendHtml(StringBuilder text, Table table)
    {
        text.Append("<table><tr>");
        foreach (var header in table.Header)
        {
            text.Append("<th>").Append(E(header)).Append("</th>");
        }

        text.AppendLine("</tr>");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            text.Append("<tr>");
            for (var c = 0; c < table.Rows[r].Length; c++)
            {
                var cell = E(table.Rows[r][c]);
                text.Append("<td>").Append(table.Bold.Contains((r, c)) ? $"<b>{cell}</b>" : cell).Append("</td>");
            }

            text.AppendLine("</tr>");
        }

        text.AppendLine("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
