using System.Text;
using SemRestore.Tensors;
using SemRestore.Tensors.Safetensors;
using SemRestore.Tensors.Tests.Golden;
using SemRestore.TestUtilities;

namespace SemRestore.Tensors.Tests.Safetensors;

public sealed class SafetensorsFormatTests
{
    [Fact]
    [Trait("Category", "Unit")]
    public void SaveLoad_RoundTripsShapesValuesAndMetadata()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "t.safetensors");
        var tensors = new Dictionary<string, Tensor>
        {
            ["b.weight"] = Tensor.Randn(1, 2, 3, 4, 5),
            ["a"] = Tensor.Scalar(3.5f),
            ["c.bias"] = Tensor.FromArray([1f, float.NaN, float.NegativeInfinity], 3),
        };
        SafetensorsFile.Save(path, tensors, new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünï \"q\"" });
        var loaded = SafetensorsFile.Load(path);
        Assert.Equal(["a", "b.weight", "c.bias"], loaded.Tensors.Keys.Order(StringComparer.Ordinal));
        foreach (var (k, v) in tensors)
        {
            Assert.Equal(v.Shape, loaded.Tensors[k].Shape);
            Assert.Equal(v.ToArray(), loaded.Tensors[k].ToArray());
        }

        Assert.Equal("ünï \"q\"", loaded.Metadata["note"]);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Serialize_IsByteIdenticalToTheReferenceLayoutPythonWrote()
    {
        // ops.safetensors was written by make_golden.py following the reference library's layout.
        var path = Path.Combine(GoldenFixtures.Folder, "ops.safetensors");
        var content = SafetensorsFile.Load(path);
        var bytes = SafetensorsFile.Serialize(content.Tensors, content.Metadata);
        Assert.Equal(System.IO.File.ReadAllBytes(path), bytes);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void Serialize_PadsHeaderToEightBytesWithSpaces_AndSortsKeys()
    {
        var bytes = SafetensorsFile.Serialize(new Dictionary<string, Tensor> { ["z"] = Tensor.Ones(1), ["a"] = Tensor.Ones(2) });
        var n = (int)BitConverter.ToUInt64(bytes, 0);
        Assert.Equal(0, n % 8);
        var header = Encoding.UTF8.GetString(bytes, 8, n);
        Assert.StartsWith("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"z\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", header);
        Assert.Equal(header.TrimEnd(' ').Length + (n - header.TrimEnd(' ').Length), n);
        Assert.Equal(8 + n + 12, bytes.Length);
    }

    [Fact]
    [Trait("Category", "Golden")]
    public void Load_ReadsPyTorchWrittenHalfPrecisionFile()
    {
        var content = SafetensorsFile.Load(Path.Combine(GoldenFixtures.Folder, "unet_torch.safetensors"));
        Assert.Equal([48, 1, 3, 3], content.Tensors["enc_conv0.weight"].Shape);
        Assert.Equal(36, content.Tensors.Count); // 18 convolutions, weight and bias each
        Assert.Equal("pt", content.Metadata["format"]);
    }

    public static TheoryData<string, byte[], string> CorruptFiles() => new()
    {
        { "short", [1, 2, 3], "too short" },
        { "length beyond file", Header(1000, "{}"), "exceeds the file" },
        { "not json", Build("{\"a\":", []), "not valid JSON" },
        { "not an object", Build("[1,2]", []), "JSON object" },
        { "missing dtype", Build("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]), "'w': missing or non-string 'dtype'" },
        { "bad dtype", Build("{\"w\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]), "'w': unsupported dtype 'Q7'" },
        { "size mismatch", Build("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", new byte[20]), "'w': shape [2, 3] of F32 needs 24 bytes" },
        { "gap", Build("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]), "'w': data_offsets [4, 8] leave a gap" },
        { "trailing data", Build("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[12]), "data section is 12 bytes" },
        { "rank 5", Build("{\"w\":{\"dtype\":\"F32\",\"shape\":[1,1,1,1,1],\"data_offsets\":[0,4]}}", new byte[4]), "'w': shape [1,1,1,1,1] is not supported" },
        { "bad offsets", Build("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", new byte[4]), "'w': 'data_offsets' must be" },
        { "metadata not strings", Build("{\"__metadata__\":{\"k\":1}}", []), "'k' must be a string" },
        { "duplicate key", Build("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]), "'w' appears twice" },
    };

    [Theory]
    [Trait("Category", "Unit")]
    [MemberData(nameof(CorruptFiles))]
    public void Load_CorruptFile_ThrowsNamingFileAndProblem(string name, byte[] bytes, string fragment)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), $"{name.Replace(' ', '_')}.safetensors");
        System.IO.File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Load(path));
        Assert.Contains(fragment, e.Message);
        Assert.Contains(path, e.Message);
    }

    private static byte[] Header(ulong length, string json)
    {
        var text = Encoding.UTF8.GetBytes(json);
        var bytes = new byte[8 + text.Length];
        BitConverter.GetBytes(length).CopyTo(bytes, 0);
        text.CopyTo(bytes, 8);
        return bytes;
    }

    private static byte[] Build(string json, byte[] data)
    {
        var header = Header((ulong)Encoding.UTF8.GetByteCount(json), json);
        return [.. header, .. data];
    }
}
