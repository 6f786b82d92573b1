using System.Text;
using System.Text.RegularExpressions;
using SemRestore.Imaging;

namespace SemRestore.Classical.Tests.Support;

/// <summary>Reads the 2-D .npy files written by tests/Golden/classical/make_golden.py (uint8 or little-endian float32, C order).</summary>
internal static partial class Npy
{
    /// <summary>Reads an image; uint8 values are divided by 255 (bit depth 8), float32 kept (bit depth 32).</summary>
    public static GrayImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
        {
            throw new InvalidDataException($"{path}: not an .npy file");
        }

        int headerLength, dataStart;
        if (bytes[6] == 1)
        {
            headerLength = BitConverter.ToUInt16(bytes, 8);
            dataStart = 10 + headerLength;
        }
        else
        {
            headerLength = BitConverter.ToInt32(bytes, 8);
            dataStart = 12 + headerLength;
        }

        var header = Encoding.ASCII.GetString(bytes, dataStart - headerLength, headerLength);
        var descr = DescrPattern().Match(header).Groups[1].Value;
        var shape = ShapePattern().Match(header).Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (header.Contains("'fortran_order': True") || shape.Length != 2)
        {
            throw new InvalidDataException($"{path}: expected a 2-D C-order array, header {header}");
        }

        int height = int.Parse(shape[0]), width = int.Parse(shape[1]);
        var pixels = new float[width * height];
        switch (descr)
        {
            case "|u1":
                for (var i = 0; i < pixels.Length; i++)
                {
                    pixels[i] = bytes[dataStart + i] / 255f;
                }

                return new GrayImage(width, height, pixels, 8);
            case "<f4":
                Buffer.BlockCopy(bytes, dataStart, pixels, 0, pixels.Length * 4);
                return new GrayImage(width, height, pixels, 32);
            default:
                throw new InvalidDataException($"{path}: unsupported dtype {descr}");
        }
    }

    [GeneratedRegex("'descr':\\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex("'shape':\\s*\\(([^)]*)\\)")]
    private static partial Regex ShapePattern();
}
