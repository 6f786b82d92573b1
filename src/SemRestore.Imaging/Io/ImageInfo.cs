namespace SemRestore.Imaging.Io;

/// <summary>What a file holds, read from its header without decoding pixels.</summary>
/// <param name="Format">The container format.</param>
/// <param name="Width">Width of the first page in pixels.</param>
/// <param name="Height">Height of the first page in pixels.</param>
/// <param name="BitDepth">Bits per sample of the first page (8, 16 or 32).</param>
/// <param name="SampleFormat">"uint" or "float".</param>
/// <param name="Pages">Number of pages (frames); 1 for PNG/PGM/PFM.</param>
/// <param name="Compression">Compression name as stored (for example "none", "lzw", "deflate", "packbits").</param>
/// <param name="ColorModel">"gray", "rgb", "rgba", "palette", "gray+alpha".</param>
/// <param name="Metadata">Text metadata (ImageDescription, vendor tags, layout such as strips or tiles).</param>
public sealed record ImageInfo(
    ImageFileFormat Format,
    int Width,
    int Height,
    int BitDepth,
    string SampleFormat,
    int Pages,
    string Compression,
    string ColorModel,
    IReadOnlyDictionary<string, string> Metadata);
