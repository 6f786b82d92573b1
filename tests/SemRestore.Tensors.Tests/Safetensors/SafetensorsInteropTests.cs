using System.Text.Json;
using SemRestore.Tensors;
using SemRestore.Tensors.Safetensors;
using SemRestore.Tensors.Tests.Golden;

namespace SemRestore.Tensors.Tests.Safetensors;

/// <summary>
/// The engine writes tests/Golden/engine/engine_written.safetensors (SmallNet state dict plus io.x / io.y);
/// make_golden.py loads it into PyTorch strictly, runs it and commits its verdict to engine_check.json.
/// Set SEMRESTORE_WRITE_GOLDEN=1 to rewrite the file, then rerun the script.
/// </summary>
public sealed class SafetensorsInteropTests
{
    private static byte[] EngineFileBytes()
    {
        var net = new SmallNet(seed: 11);
        var x = Tensor.Randn(12, 1, 1, 8, 8);
        Tensor y;
        using (Autograd.NoGrad())
        {
            y = net.Forward(x);
        }

        var tensors = net.StateDict();
        tensors["io.x"] = x;
        tensors["io.y"] = y;
        return SafetensorsFile.Serialize(tensors, new Dictionary<string, string> { ["format"] = "pt", ["writer"] = "SemRestore.Tensors" });
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void EngineWrittenFile_LoadsInPyTorch()
    {
        var path = Path.Combine(GoldenFixtures.Folder, "engine_written.safetensors");
        var bytes = EngineFileBytes();
        if (Environment.GetEnvironmentVariable("SEMRESTORE_WRITE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, bytes);
        }

        // The committed file is what the engine writes today, so PyTorch's verdict on it still applies.
        Assert.Equal(File.ReadAllBytes(path), bytes);
        using var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(GoldenFixtures.Folder, "engine_check.json")));
        var root = verdict.RootElement;
        foreach (var check in new[] { "exists", "strict_load", "output_matches", "header_padded_to_8", "keys_sorted", "metadata_first", "offsets_contiguous" })
        {
            Assert.True(root.GetProperty(check).GetBoolean(), $"PyTorch check '{check}' failed: {root.GetRawText()}");
        }

        Assert.True(root.GetProperty("max_abs_output_diff").GetDouble() <= 1e-5);
    }
}
