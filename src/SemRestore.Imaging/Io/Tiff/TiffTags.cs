namespace SemRestore.Imaging.Io.Tiff;

/// <summary>Tag numbers and codes from the TIFF 6.0 specification (and the SEM vendor tags we keep).</summary>
internal static class TiffTags
{
    public const ushort NewSubfileType = 254;
    public const ushort ImageWidth = 256;
    public const ushort ImageLength = 257;
    public const ushort BitsPerSample = 258;
    public const ushort Compression = 259;
    public const ushort Photometric = 262;
    public const ushort FillOrder = 266;
    public const ushort ImageDescription = 270;
    public const ushort StripOffsets = 273;
    public const ushort SamplesPerPixel = 277;
    public const ushort RowsPerStrip = 278;
    public const ushort StripByteCounts = 279;
    public const ushort PlanarConfiguration = 284;
    public const ushort Software = 305;
    public const ushort DateTime = 306;
    public const ushort Predictor = 317;
    public const ushort ColorMap = 320;
    public const ushort TileWidth = 322;
    public const ushort TileLength = 323;
    public const ushort TileOffsets = 324;
    public const ushort TileByteCounts = 325;
    public const ushort ExtraSamples = 338;
    public const ushort SampleFormat = 339;
    public const ushort ZeissSem = 34118;
    public const ushort FeiSfeg = 34680;
    public const ushort FeiHelios = 34682;

    /// <summary>Text tags read into <see cref="GrayImage.Metadata"/> and written back, with their metadata keys.</summary>
    public static readonly (ushort Tag, string Key)[] TextTags =
    [
        (ImageDescription, "tiff.ImageDescription"),
        (Software, "tiff.Software"),
        (DateTime, "tiff.DateTime"),
        (ZeissSem, "tiff.34118"),
        (FeiSfeg, "tiff.34680"),
        (FeiHelios, "tiff.34682"),
    ];

    public const int CompressionNone = 1;
    public const int CompressionLzw = 5;
    public const int CompressionDeflate = 8;
    public const int CompressionAdobeDeflate = 32946;
    public const int CompressionPackBits = 32773;

    /// <summary>A readable name for a compression code: "none", "LZW", "Deflate", "PackBits", "JPEG", ...</summary>
    public static string CompressionName(long code) => code switch
    {
        1 => "none",
        2 => "CCITT RLE",
        3 => "CCITT Group 3 fax",
        4 => "CCITT Group 4 fax",
        5 => "LZW",
        6 => "old-style JPEG",
        7 => "JPEG",
        8 or 32946 => "Deflate",
        32773 => "PackBits",
        34661 => "JBIG",
        34712 => "JPEG 2000",
        34887 => "LERC",
        34925 => "LZMA",
        50000 => "Zstandard",
        50001 => "WebP",
        _ => $"code {code}",
    };

    public static bool IsSupportedCompression(long code) =>
        code is CompressionNone or CompressionLzw or CompressionDeflate or CompressionAdobeDeflate or CompressionPackBits;
}
