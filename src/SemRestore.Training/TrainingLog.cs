using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SemRestore.Training;

/// <summary>
/// The run's CSV and JSONL logs (<c>log.csv</c>, <c>log.jsonl</c>): one row per logged step, validation rows with
/// PSNR/SSIM. Resuming truncates rows after the checkpoint's step, so a resumed run's log equals an uninterrupted one.
/// </summary>
public sealed class TrainingLog
{
    private const string Header = "step,loss,learning_rate,patches_per_second,elapsed_seconds,validation_psnr,validation_ssim";
    private readonly string _csv;
    private readonly string _jsonl;

    /// <param name="directory">Run folder.</param>
    /// <param name="keepUpToStep">Rows with a larger step are dropped (resume); null starts fresh logs.</param>
    public TrainingLog(string directory, long? keepUpToStep)
    {
        _csv = Path.Combine(directory, "log.csv");
        _jsonl = Path.Combine(directory, "log.jsonl");
        if (keepUpToStep is null)
        {
            File.WriteAllText(_csv, Header + "\n");
            File.WriteAllText(_jsonl, "");
            return;
        }

        Truncate(_csv, keepUpToStep.Value, line => line.Split(',')[0], header: true);
        Truncate(_jsonl, keepUpToStep.Value, line => JsonDocument.Parse(line).RootElement.GetProperty("step").GetRawText(), header: false);
    }

    public string CsvPath => _csv;

    /// <summary>Appends one row (validation values may be null).</summary>
    public void Append(long step, double loss, double learningRate, double patchesPerSecond, double elapsedSeconds, double? psnr, double? ssim)
    {
        var c = CultureInfo.InvariantCulture;
        File.AppendAllText(_csv, string.Join(",",
            step.ToString(c), loss.ToString("R", c), learningRate.ToString("R", c), patchesPerSecond.ToString("F2", c),
            elapsedSeconds.ToString("F2", c), psnr?.ToString("F4", c) ?? "", ssim?.ToString("F5", c) ?? "") + "\n");
        var json = new Dictionary<string, object?>
        {
            ["step"] = step,
            ["loss"] = double.IsFinite(loss) ? loss : null,
            ["learning_rate"] = learningRate,
            ["patches_per_second"] = Math.Round(patchesPerSecond, 2),
            ["elapsed_seconds"] = Math.Round(elapsedSeconds, 2),
        };
        if (psnr is not null)
        {
            json["validation_psnr"] = psnr;
            json["validation_ssim"] = ssim;
        }

        File.AppendAllText(_jsonl, JsonSerializer.Serialize(json) + "\n");
    }

    private static void Truncate(string path, long keepUpToStep, Func<string, string> stepOf, bool header)
    {
        var kept = new StringBuilder(header ? Header + "\n" : "");
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path).Skip(header ? 1 : 0))
            {
                if (line.Length > 0 && long.TryParse(stepOf(line), NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) && step <= keepUpToStep)
                {
                    kept.Append(line).Append('\n');
                }
            }
        }

        File.WriteAllText(path, kept.ToString());
    }
}
