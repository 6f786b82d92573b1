namespace SemRestore.Imaging.Io;

/// <summary>Compression schemes SemRestore writes into TIFF files.</summary>
public enum TiffCompression
{
    None,
    Lzw,
    Deflate,
}
