namespace SemRestore.Imaging.Io;

/// <summary>The file formats SemRestore reads and writes.</summary>
public enum ImageFileFormat
{
    Tiff,
    Png,
    Pgm,
    Pfm,
}
