namespace SemRestore.Imaging.Io;

/// <summary>
/// Reads and writes images by file extension (.tif/.tiff, .png, .pgm, .pfm). Every failure to decode
/// is an <see cref="ImageFormatException"/> naming the file; every write is atomic.
/// </summary>
public static class ImageIo
{
    /// <summary>Reads the first page (frame) of an image file.</summary>
    /// <exception cref="ImageFormatException">The file is missing, corrupt, too large or uses an unsupported feature.</exception>
    public static GrayImage Read(string path, ImageReadOptions? options = null)
    {
        var frames = ReadFrames(path, options ?? ImageReadOptions.Default, maxPages: 1);
        return frames[0];
    }

    /// <summary>Reads every page of a file as a stack of frames (a single-page file gives one frame).</summary>
    public static IReadOnlyList<GrayImage> ReadStack(string path, ImageReadOptions? options = null) =>
        ReadFrames(path, options ?? ImageReadOptions.Default, maxPages: null);

    /// <summary>Describes a file without decoding its pixels.</summary>
    public static ImageInfo Probe(string path)
    {
        var format = FormatOf(path);
        return WithStream(path, stream => format switch
        {
            ImageFileFormat.Tiff => TiffCodec.Probe(stream, path),
            ImageFileFormat.Png => PngCodec.Probe(stream, path),
            ImageFileFormat.Pgm => PgmCodec.Probe(stream, path),
            ImageFileFormat.Pfm => PfmCodec.Probe(stream, path),
            _ => throw new ImageFormatException(path, "unknown image format"),
        });
    }

    /// <summary>Writes one image; the format comes from the extension. Atomic: temp file, then rename.</summary>
    public static void Write(string path, GrayImage image, ImageWriteOptions? options = null) =>
        WriteStack(path, new[] { image }, options);

    /// <summary>Writes a stack of frames. Only TIFF holds more than one frame.</summary>
    public static void WriteStack(string path, IReadOnlyList<GrayImage> frames, ImageWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("Nothing to write: the frame list is empty.", nameof(frames));
        }

        options ??= ImageWriteOptions.Default;
        var format = FormatOf(path);
        if (format != ImageFileFormat.Tiff && frames.Count > 1)
        {
            throw new ImageFormatException(path, $"{format} holds one image, but {frames.Count} frames were given; use .tif for stacks");
        }

        AtomicFile.Write(path, stream =>
        {
            switch (format)
            {
                case ImageFileFormat.Tiff: TiffCodec.Write(stream, frames, options, path); break;
                case ImageFileFormat.Png: PngCodec.Write(stream, frames[0], options, path); break;
                case ImageFileFormat.Pgm: PgmCodec.Write(stream, frames[0], options, path); break;
                case ImageFileFormat.Pfm: PfmCodec.Write(stream, frames[0], options, path); break;
            }
        });
    }

    /// <summary>The format implied by a file's extension.</summary>
    /// <exception cref="ImageFormatException">The extension is not one SemRestore knows.</exception>
    public static ImageFileFormat FormatOf(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".tif" or ".tiff" => ImageFileFormat.Tiff,
            ".png" => ImageFileFormat.Png,
            ".pgm" or ".pnm" => ImageFileFormat.Pgm,
            ".pfm" => ImageFileFormat.Pfm,
            _ => throw new ImageFormatException(path, $"unknown image extension '{extension}' (expected .tif, .tiff, .png, .pgm or .pfm)"),
        };
    }

    private static IReadOnlyList<GrayImage> ReadFrames(string path, ImageReadOptions options, int? maxPages)
    {
        var format = FormatOf(path);
        return WithStream(path, stream => format switch
        {
            ImageFileFormat.Tiff => TiffCodec.Read(stream, path, options, maxPages),
            ImageFileFormat.Png => new[] { PngCodec.Read(stream, path, options) },
            ImageFileFormat.Pgm => new[] { PgmCodec.Read(stream, path, options) },
            ImageFileFormat.Pfm => new[] { PfmCodec.Read(stream, path, options) },
            _ => throw new ImageFormatException(path, "unknown image format"),
        });
    }

    private static T WithStream<T>(string path, Func<Stream, T> read)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (FileNotFoundException)
        {
            throw new ImageFormatException(path, "file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new ImageFormatException(path, "file not found (the folder does not exist)");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ImageFormatException(path, "permission denied", e);
        }

        using (stream)
        {
            try
            {
                return read(stream);
            }
            catch (ImageFormatException)
            {
                throw;
            }
            catch (EndOfStreamException e)
            {
                throw new ImageFormatException(path, "the file is truncated", e);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or OverflowException or IndexOutOfRangeException or ArgumentException)
            {
                // Decoders validate what they read; anything that still slips through is reported as corrupt data, never as a crash.
                throw new ImageFormatException(path, $"corrupt or unreadable data ({e.GetType().Name}: {e.Message})", e);
            }
        }
    }
}
