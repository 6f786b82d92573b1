using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SemRestore.Tensors.Safetensors;

/// <summary>
/// Reads and writes the safetensors format (https://github.com/huggingface/safetensors) byte for byte as
/// the Python library writes it: an 8-byte little-endian header length N, N bytes of compact UTF-8 JSON
/// (<c>__metadata__</c> first, then the tensors sorted by dtype alignment and name, each
/// <c>{"dtype":"F32","shape":[...],"data_offsets":[begin,end]}</c>) padded with spaces to a multiple of 8,
/// then the raw little-endian data in the same order.
/// </summary>
/// <remarks>Writes F32 only. Reads F32, F64, F16, BF16, I64, I32, I16, I8, U8 and BOOL, converting to float32
/// (PyTorch's int64 batch-norm counter, half-precision checkpoints). Ranks above 4 and empty tensors are
/// rejected with the key named.</remarks>
public static class SafetensorsFile
{
    /// <summary>Header size limit of the reference implementation (100 MB).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Writes <paramref name="tensors"/> (and optional metadata) to <paramref name="path"/> atomically
    /// (temporary file in the same folder, then rename).</summary>
    /// <exception cref="ArgumentException">A key is empty or "__metadata__".</exception>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Serialize(tensors, metadata);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The file bytes for <paramref name="tensors"/>; see the class remarks for the layout.</summary>
    public static byte[] Serialize(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var names = tensors.Keys.ToList();
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(name) || name == "__metadata__")
            {
                throw new ArgumentException($"safetensors: invalid tensor name '{name}'.", nameof(tensors));
            }
        }

        // All tensors are F32, so the library's order (alignment descending, then name) is byte-wise name order.
        names.Sort(StringComparer.Ordinal);
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header, s_jsonOptions))
        {
            json.WriteStartObject();
            if (metadata is not null && metadata.Count > 0)
            {
                json.WriteStartObject("__metadata__");
                foreach (var key in metadata.Keys.Order(StringComparer.Ordinal))
                {
                    json.WriteString(key, metadata[key]);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var name in names)
            {
                var t = tensors[name];
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var d in t.ShapeRef)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += 4L * t.Length;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var headerLength = header.Length;
        var padded = headerLength + (8 - headerLength % 8) % 8;
        var dataLength = names.Sum(n => 4L * tensors[n].Length);
        var result = new byte[checked(8 + padded + dataLength)];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)padded);
        header.GetBuffer().AsSpan(0, (int)headerLength).CopyTo(result.AsSpan(8));
        result.AsSpan(8 + (int)headerLength, (int)(padded - headerLength)).Fill((byte)' ');
        var position = 8 + padded;
        foreach (var name in names)
        {
            var data = tensors[name].Data;
            var target = result.AsSpan((int)position, data.Length * 4);
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(data).CopyTo(target);
            }
            else
            {
                for (var i = 0; i < data.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(target[(i * 4)..], data[i]);
                }
            }

            position += data.Length * 4L;
        }

        return result;
    }

    /// <summary>Reads a safetensors file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="SafetensorsFormatException">The header or data is corrupt (message names the file and key).</exception>
    public static SafetensorsContent Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Deserialize(bytes);
        }
        catch (SafetensorsFormatException e)
        {
            throw new SafetensorsFormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses safetensors bytes; tensors are fresh copies in float32.</summary>
    /// <exception cref="SafetensorsFormatException">The header or data is corrupt.</exception>
    public static SafetensorsContent Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            throw new SafetensorsFormatException($"file is {bytes.Length} bytes, too short for the 8-byte header length.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(bytes.Length - 8))
        {
            throw new SafetensorsFormatException($"header length {headerLength} exceeds the file ({bytes.Length} bytes) or the {MaxHeaderBytes}-byte limit.");
        }

        var headerBytes = bytes.Slice(8, (int)headerLength);
        var data = bytes[(8 + (int)headerLength)..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(headerBytes.ToArray());
        }
        catch (JsonException e)
        {
            throw new SafetensorsFormatException($"header is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SafetensorsFormatException($"header must be a JSON object, got {document.RootElement.ValueKind}.");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var entries = new List<(string Name, string Dtype, int[] Shape, long Begin, long End)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw new SafetensorsFormatException($"key '{property.Name}' appears twice in the header.");
                }

                if (property.Name == "__metadata__")
                {
                    ReadMetadata(property.Value, metadata);
                    continue;
                }

                entries.Add(ReadEntry(property.Name, property.Value));
            }

            // Offsets must tile the data buffer without gaps or overlaps, as the reference reader requires.
            var ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
            long expected = 0;
            foreach (var e in ordered)
            {
                if (e.Begin != expected)
                {
                    throw new SafetensorsFormatException($"tensor '{e.Name}': data_offsets [{e.Begin}, {e.End}] leave a gap or overlap (expected begin {expected}).");
                }

                expected = e.End;
            }

            if (expected != data.Length)
            {
                throw new SafetensorsFormatException($"data section is {data.Length} bytes but the tensors cover {expected}.");
            }

            var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var e in entries)
            {
                tensors[e.Name] = Decode(e.Name, e.Dtype, e.Shape, data[(int)e.Begin..(int)e.End]);
            }

            return new SafetensorsContent(tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SafetensorsFormatException("__metadata__ must be an object of strings.");
        }

        foreach (var m in element.EnumerateObject())
        {
            if (m.Value.ValueKind != JsonValueKind.String)
            {
                throw new SafetensorsFormatException($"__metadata__ value of '{m.Name}' must be a string, got {m.Value.ValueKind}.");
            }

            metadata[m.Name] = m.Value.GetString()!;
        }
    }

    private static (string Name, string Dtype, int[] Shape, long Begin, long End) ReadEntry(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new SafetensorsFormatException($"tensor '{name}': entry must be an object with dtype, shape and data_offsets.");
        }

        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
        {
            throw new SafetensorsFormatException($"tensor '{name}': missing or non-string 'dtype'.");
        }

        var dtype = dtypeElement.GetString()!;
        var elementSize = ElementSize(dtype) ?? throw new SafetensorsFormatException($"tensor '{name}': unsupported dtype '{dtype}'.");
        if (!value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
        {
            throw new SafetensorsFormatException($"tensor '{name}': missing or non-array 'shape'.");
        }

        var shape = new List<int>();
        foreach (var d in shapeElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out var size) || size < 0)
            {
                throw new SafetensorsFormatException($"tensor '{name}': shape entries must be non-negative integers, got {shapeElement.GetRawText()}.");
            }

            shape.Add(size);
        }

        if (shape.Count > Tensor.MaxRank || shape.Contains(0))
        {
            throw new SafetensorsFormatException($"tensor '{name}': shape {shapeElement.GetRawText()} is not supported (rank <= {Tensor.MaxRank}, no empty dimensions).");
        }

        if (!value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2
            || !offsets[0].TryGetInt64(out var begin) || !offsets[1].TryGetInt64(out var end) || begin < 0 || end < begin)
        {
            throw new SafetensorsFormatException($"tensor '{name}': 'data_offsets' must be [begin, end] with 0 <= begin <= end.");
        }

        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }

        if (count * elementSize != end - begin)
        {
            throw new SafetensorsFormatException($"tensor '{name}': shape {Tensor.FormatShape(shape.ToArray())} of {dtype} needs {count * elementSize} bytes but data_offsets [{begin}, {end}] span {end - begin}.");
        }

        return (name, dtype, shape.ToArray(), begin, end);
    }

    private static int? ElementSize(string dtype) => dtype switch
    {
        "F32" or "I32" => 4,
        "F64" or "I64" => 8,
        "F16" or "BF16" or "I16" => 2,
        "I8" or "U8" or "BOOL" => 1,
        _ => null,
    };

    private static Tensor Decode(string name, string dtype, int[] shape, ReadOnlySpan<byte> raw)
    {
        var t = Tensor.Empty(shape);
        var dst = t.Data;
        for (var i = 0; i < dst.Length; i++)
        {
            dst[i] = dtype switch
            {
                "F32" => BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]),
                "F64" => (float)BinaryPrimitives.ReadDoubleLittleEndian(raw[(i * 8)..]),
                "F16" => (float)BinaryPrimitives.ReadHalfLittleEndian(raw[(i * 2)..]),
                "BF16" => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 2)..]) << 16),
                "I64" => BinaryPrimitives.ReadInt64LittleEndian(raw[(i * 8)..]),
                "I32" => BinaryPrimitives.ReadInt32LittleEndian(raw[(i * 4)..]),
                "I16" => BinaryPrimitives.ReadInt16LittleEndian(raw[(i * 2)..]),
                "I8" => (sbyte)raw[i],
                "U8" => raw[i],
                "BOOL" => raw[i] != 0 ? 1f : 0f,
                _ => throw new SafetensorsFormatException($"tensor '{name}': unsupported dtype '{dtype}'."),
            };
        }

        return t;
    }
}
