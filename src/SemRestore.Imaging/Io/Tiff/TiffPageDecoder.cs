using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using SemRestore.Imaging.Io.Codecs;

namespace SemRestore.Imaging.Io.Tiff;

/// <summary>
/// Decodes one page into a <see cref="GrayImage"/>: per chunk (strip or tile) decompress into a buffer of exactly
/// the expected size, convert to native byte order, undo the predictor, convert to float (with luma for colour).
/// Chunks write disjoint regions, so they decode in parallel with results independent of the thread count.
/// </summary>
internal sealed class TiffPageDecoder
{
    private const float LumaRed = 0.299f;
    private const float LumaGreen = 0.587f;
    private const float LumaBlue = 0.114f;

    /// <summary>Largest decoded chunk accepted (a 256 MB strip or tile); larger claims come from corrupt files.</summary>
    private const long MaxChunkBytes = 256L << 20;

    private readonly TiffSource _source;
    private readonly TiffPage _page;
    private readonly GrayImage _image;
    private readonly float[]? _paletteLuma;
    private readonly int _samplesInChunk;

    private TiffPageDecoder(TiffSource source, TiffPage page, GrayImage image, float[]? paletteLuma)
    {
        _source = source;
        _page = page;
        _image = image;
        _paletteLuma = paletteLuma;
        _samplesInChunk = page.Planar == 1 ? page.SamplesPerPixel : 1;
    }

    /// <summary>Checks that the page can be decoded, then decodes it.</summary>
    /// <exception cref="ImageFormatException">Unsupported feature, size over the limit, corrupt or truncated data.</exception>
    public static GrayImage Decode(TiffSource source, TiffPage page, ImageReadOptions options)
    {
        var paletteLuma = Validate(source, page, options);
        var depth = page.SampleFormat == 3 ? 32 : page.BitsPerSample;
        var image = new GrayImage(page.Width, page.Height, depth);
        foreach (var pair in page.Text)
        {
            image.Metadata[pair.Key] = pair.Value;
        }

        var warning = page.Photometric switch
        {
            2 => $"converted {page.ColorModel.ToUpperInvariant()} to gray with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)",
            3 => "converted palette colours to gray with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)",
            _ when page.SamplesPerPixel > 1 => $"kept the first of {page.SamplesPerPixel} samples per pixel (extra samples such as alpha dropped)",
            _ => null,
        };
        if (warning is not null)
        {
            image.Metadata["warning"] = warning;
        }

        new TiffPageDecoder(source, page, image, paletteLuma).Run();
        return image;
    }

    private static float[]? Validate(TiffSource source, TiffPage page, ImageReadOptions options)
    {
        var where = $"page {page.Index}";
        if (!TiffTags.IsSupportedCompression(page.Compression))
        {
            throw source.Fail($"{where}: compression {TiffTags.CompressionName(page.Compression)} ({page.Compression}) is not supported (supported: none, LZW, Deflate, PackBits)");
        }

        var integer = page.SampleFormat == 1 && page.BitsPerSample is 8 or 16;
        var floating = page.SampleFormat == 3 && page.BitsPerSample == 32;
        if (!integer && !floating)
        {
            throw source.Fail($"{where}: {page.BitsPerSample}-bit {page.SampleFormatName} samples are not supported (8 or 16-bit unsigned integer, 32-bit float)");
        }

        if (page.Predictor is not (1 or 2 or 3) || (page.Predictor == 3 && !floating))
        {
            throw source.Fail($"{where}: predictor {page.Predictor} is not supported for {page.BitsPerSample}-bit {page.SampleFormatName} samples");
        }

        IoGuards.CheckPixelCount(source.Path, page.Width, page.Height, options, where);
        var pixels = (long)page.Width * page.Height;

        var chunkBytes = (long)page.ChunkWidth * page.ChunkHeight * (page.Planar == 1 ? page.SamplesPerPixel : 1) * page.BytesPerSample;
        // A tile may overhang the image, but not by orders of magnitude: such claims come from corrupt tags.
        var limit = Math.Min(MaxChunkBytes, Math.Max(16 * pixels * page.SamplesPerPixel * page.BytesPerSample, 1L << 20));
        if (chunkBytes > limit)
        {
            throw source.Fail($"{where}: one {(page.Tiled ? "tile" : "strip")} of {page.ChunkWidth}x{page.ChunkHeight} would decode to {chunkBytes} bytes (limit {limit} for this image)");
        }

        switch (page.Photometric)
        {
            case 0 or 1:
                return null;
            case 2 when page.SamplesPerPixel >= 3:
                return null;
            case 3 when page.SamplesPerPixel == 1 && integer:
                var entries = 1 << page.BitsPerSample;
                if (page.ColorMap is null || page.ColorMap.Length < 3 * entries)
                {
                    throw source.Fail($"{where}: palette image without a complete ColorMap ({page.ColorMap?.Length ?? 0} values, {3 * entries} needed)");
                }

                var luma = new float[entries];
                for (var i = 0; i < entries; i++)
                {
                    luma[i] = (LumaRed * (page.ColorMap[i] / 65535f)) + (LumaGreen * (page.ColorMap[entries + i] / 65535f)) + (LumaBlue * (page.ColorMap[(2 * entries) + i] / 65535f));
                }

                return luma;
            default:
                throw source.Fail($"{where}: colour model {page.ColorModel} with {page.SamplesPerPixel} samples per pixel is not supported (gray, RGB, RGBA, palette)");
        }
    }

    private void Run()
    {
        var page = _page;
        var chunks = page.ChunksPerPlane;

        // Planar colour images accumulate one plane after another into the same pixels, so they run sequentially.
        var planes = page.Planar == 2 && page.Photometric == 2 ? 3 : 1;
        if (planes > 1)
        {
            for (var plane = 0; plane < planes; plane++)
            {
                for (var chunk = 0; chunk < chunks; chunk++)
                {
                    DecodeChunk(chunk, plane);
                }
            }

            return;
        }

        if (chunks == 1 || (long)page.Width * page.Height < 1 << 16)
        {
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                DecodeChunk(chunk, 0);
            }

            return;
        }

        try
        {
            Parallel.For(0, chunks, chunk => DecodeChunk(chunk, 0));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private void DecodeChunk(int chunk, int plane)
    {
        var page = _page;
        var across = page.ChunksAcross;
        var x0 = (chunk % across) * page.ChunkWidth;
        var y0 = (chunk / across) * page.ChunkHeight;
        var rows = page.Tiled ? page.ChunkHeight : Math.Min(page.ChunkHeight, page.Height - y0);
        var rowBytes = page.ChunkWidth * _samplesInChunk * page.BytesPerSample;
        var expected = rows * rowBytes;
        var index = (plane * page.ChunksPerPlane) + chunk;
        var kind = page.Tiled ? "tile" : "strip";
        var offset = page.ChunkOffsets[index];
        long count = index < page.ChunkByteCounts.Length ? page.ChunkByteCounts[index]
            : page.Compression == TiffTags.CompressionNone ? expected
            : throw _source.Fail($"page {page.Index}: {kind} {index} has no byte count");
        if (count < 0 || count > _source.Length)
        {
            throw _source.Fail($"page {page.Index}: {kind} {index} claims {count} bytes, more than the file holds");
        }

        var decoded = ArrayPool<byte>.Shared.Rent(expected);
        var compressed = page.Compression == TiffTags.CompressionNone ? null : ArrayPool<byte>.Shared.Rent((int)count);
        try
        {
            var target = decoded.AsSpan(0, expected);
            int produced;
            if (compressed is null)
            {
                var take = (int)Math.Min(count, expected);
                _source.ReadAt(offset, target[..take], $"page {page.Index} {kind} {index}");
                produced = take;
            }
            else
            {
                var input = compressed.AsSpan(0, (int)count);
                _source.ReadAt(offset, input, $"page {page.Index} {kind} {index}");
                try
                {
                    produced = page.Compression switch
                    {
                        TiffTags.CompressionLzw => LzwDecoder.Decode(input, target),
                        TiffTags.CompressionPackBits => PackBitsDecoder.Decode(input, target),
                        _ => ZlibBlock.Inflate(input, target),
                    };
                }
                catch (InvalidDataException e)
                {
                    throw _source.Fail($"page {page.Index}: {kind} {index}: corrupt {TiffTags.CompressionName(page.Compression)} data ({e.Message})", e);
                }
            }

            if (produced < expected)
            {
                throw _source.Fail($"page {page.Index}: {kind} {index} decodes to {produced} bytes, expected {expected} (truncated or corrupt)");
            }

            if (page.Predictor == 3)
            {
                // The floating-point predictor reassembles the byte planes in the file's byte order (libtiff and
                // tifffile agree: planes of a little-endian file give little-endian floats), so swap afterwards.
                UndoPredictor(target, rows, rowBytes);
                ToNativeOrder(target);
            }
            else
            {
                ToNativeOrder(target);
                UndoPredictor(target, rows, rowBytes);
            }
            Convert(target, rowBytes, x0, y0, rows, plane);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
    }

    private void ToNativeOrder(Span<byte> data)
    {
        if (_source.BigEndian == !BitConverter.IsLittleEndian)
        {
            return;
        }

        if (_page.BytesPerSample == 2)
        {
            var words = MemoryMarshal.Cast<byte, ushort>(data);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
        else if (_page.BytesPerSample == 4)
        {
            var words = MemoryMarshal.Cast<byte, uint>(data);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    private void UndoPredictor(Span<byte> data, int rows, int rowBytes)
    {
        var stride = _samplesInChunk;
        if (_page.Predictor == 2)
        {
            for (var r = 0; r < rows; r++)
            {
                var row = data.Slice(r * rowBytes, rowBytes);
                switch (_page.BytesPerSample)
                {
                    case 1:
                        for (var i = stride; i < row.Length; i++)
                        {
                            row[i] += row[i - stride];
                        }

                        break;
                    case 2:
                        var words = MemoryMarshal.Cast<byte, ushort>(row);
                        for (var i = stride; i < words.Length; i++)
                        {
                            words[i] += words[i - stride];
                        }

                        break;
                    default:
                        var longs = MemoryMarshal.Cast<byte, uint>(row);
                        for (var i = stride; i < longs.Length; i++)
                        {
                            longs[i] += longs[i - stride];
                        }

                        break;
                }
            }
        }
        else if (_page.Predictor == 3)
        {
            // Floating-point predictor (Adobe TIFF Technote 3): bytes were split into planes (most significant
            // first) and then differenced; undo the differencing, then interleave back (most significant plane into the last byte, as in a little-endian sample).
            var bytesPerSample = _page.BytesPerSample;
            var samples = rowBytes / bytesPerSample;
            var scratch = ArrayPool<byte>.Shared.Rent(rowBytes);
            try
            {
                for (var r = 0; r < rows; r++)
                {
                    var row = data.Slice(r * rowBytes, rowBytes);
                    for (var i = stride; i < row.Length; i++)
                    {
                        row[i] += row[i - stride];
                    }

                    row.CopyTo(scratch);
                    for (var s = 0; s < samples; s++)
                    {
                        for (var b = 0; b < bytesPerSample; b++)
                        {
                            var planeIndex = bytesPerSample - b - 1;
                            row[(s * bytesPerSample) + b] = scratch[(planeIndex * samples) + s];
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    private void Convert(ReadOnlySpan<byte> data, int rowBytes, int x0, int y0, int rows, int plane)
    {
        var page = _page;
        var columns = Math.Min(page.ChunkWidth, page.Width - x0);
        var lastRow = Math.Min(rows, page.Height - y0);
        for (var r = 0; r < lastRow; r++)
        {
            var source = data.Slice(r * rowBytes, rowBytes);
            var destination = _image.Row(y0 + r).Slice(x0, columns);
            if (page.Photometric == 2 && page.Planar == 1)
            {
                ConvertRgb(source, destination);
            }
            else if (page.Photometric == 2)
            {
                var weight = plane switch { 0 => LumaRed, 1 => LumaGreen, _ => LumaBlue };
                AccumulatePlane(source, destination, weight, plane == 0);
            }
            else if (_paletteLuma is not null)
            {
                var lut = _paletteLuma;
                if (page.BytesPerSample == 1)
                {
                    for (var x = 0; x < destination.Length; x++)
                    {
                        destination[x] = lut[source[x]];
                    }
                }
                else
                {
                    var words = MemoryMarshal.Cast<byte, ushort>(source);
                    for (var x = 0; x < destination.Length; x++)
                    {
                        destination[x] = lut[words[x]];
                    }
                }
            }
            else
            {
                ConvertGray(source, destination, page.Photometric == 0);
            }
        }
    }

    private void ConvertGray(ReadOnlySpan<byte> source, Span<float> destination, bool minIsWhite)
    {
        var stride = _samplesInChunk;
        var count = destination.Length;
        switch (_page.BytesPerSample)
        {
            case 1 when stride == 1 && !minIsWhite:
                PixelConversion.FromUInt8(source[..count], destination);
                break;
            case 2 when stride == 1 && !minIsWhite:
                PixelConversion.FromUInt16(MemoryMarshal.Cast<byte, ushort>(source)[..count], destination);
                break;
            case 4 when stride == 1 && !minIsWhite:
                MemoryMarshal.Cast<byte, float>(source)[..count].CopyTo(destination);
                break;
            case 1:
                for (var x = 0; x < count; x++)
                {
                    int code = source[x * stride];
                    destination[x] = (minIsWhite ? 255 - code : code) * (1f / 255f);
                }

                break;
            case 2:
                var words = MemoryMarshal.Cast<byte, ushort>(source);
                for (var x = 0; x < count; x++)
                {
                    int code = words[x * stride];
                    destination[x] = (minIsWhite ? 65535 - code : code) * (1f / 65535f);
                }

                break;
            default:
                var floats = MemoryMarshal.Cast<byte, float>(source);
                for (var x = 0; x < count; x++)
                {
                    var value = floats[x * stride];
                    destination[x] = minIsWhite ? 1f - value : value;
                }

                break;
        }
    }

    private void ConvertRgb(ReadOnlySpan<byte> source, Span<float> destination)
    {
        var stride = _samplesInChunk;
        for (var x = 0; x < destination.Length; x++)
        {
            var i = x * stride;
            float red, green, blue;
            switch (_page.BytesPerSample)
            {
                case 1:
                    red = source[i] * (1f / 255f);
                    green = source[i + 1] * (1f / 255f);
                    blue = source[i + 2] * (1f / 255f);
                    break;
                case 2:
                    var words = MemoryMarshal.Cast<byte, ushort>(source);
                    red = words[i] * (1f / 65535f);
                    green = words[i + 1] * (1f / 65535f);
                    blue = words[i + 2] * (1f / 65535f);
                    break;
                default:
                    var floats = MemoryMarshal.Cast<byte, float>(source);
                    red = floats[i];
                    green = floats[i + 1];
                    blue = floats[i + 2];
                    break;
            }

            destination[x] = (LumaRed * red) + (LumaGreen * green) + (LumaBlue * blue);
        }
    }

    private void AccumulatePlane(ReadOnlySpan<byte> source, Span<float> destination, float weight, bool first)
    {
        for (var x = 0; x < destination.Length; x++)
        {
            var value = _page.BytesPerSample switch
            {
                1 => source[x] * (1f / 255f),
                2 => MemoryMarshal.Cast<byte, ushort>(source)[x] * (1f / 65535f),
                _ => MemoryMarshal.Cast<byte, float>(source)[x],
            };
            destination[x] = first ? weight * value : destination[x] + (weight * value);
        }
    }
}
