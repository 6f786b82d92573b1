using System.Buffers.Binary;
using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>The committed IO fixtures (tests/Golden/io, made by make_fixtures.sh) and their raw originals.</summary>
internal static class IoFixtures
{
    public const int Width = 67;
    public const int Height = 45;

    public static string Folder => Path.Combine(TestPaths.Golden, "io");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Raw little-endian samples of a fixture original, as ints (8 or 16-bit) .</summary>
    public static int[] Codes(string rawName, int bytesPerSample)
    {
        var bytes = Bytes(rawName);
        var codes = new int[bytes.Length / bytesPerSample];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = bytesPerSample == 1 ? bytes[i] : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2));
        }

        return codes;
    }

    public static float[] Floats(string rawName)
    {
        var bytes = Bytes(rawName);
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        }

        return values;
    }

    /// <summary>The original pixels normalised as the readers promise: code / maxCode (8, 16-bit) or the float itself.</summary>
    public static float[] Expected(string depth) => depth switch
    {
        "u8" => Normalise(Codes("base_u8.raw", 1), 255),
        "u16" => Normalise(Codes("base_u16.raw", 2), 65535),
        "f32" => Floats("base_f32.raw"),
        _ => throw new ArgumentOutOfRangeException(nameof(depth)),
    };

    /// <summary>BT.601 luma (0.299 R + 0.587 G + 0.114 B) of interleaved RGB codes, computed in double.</summary>
    public static float[] Luma(int[] rgb, double maxCode)
    {
        var luma = new float[rgb.Length / 3];
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = (float)((0.299 * rgb[3 * i] / maxCode) + (0.587 * rgb[(3 * i) + 1] / maxCode) + (0.114 * rgb[(3 * i) + 2] / maxCode));
        }

        return luma;
    }

    public static float[] Normalise(int[] codes, int maxCode)
    {
        var values = new float[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            values[i] = (float)((double)codes[i] / maxCode);
        }

        return values;
    }

    /// <summary>Asserts equality to within float rounding of the division (1e-7 absolute), naming the first mismatch.</summary>
    public static void AssertPixels(float[] expected, GrayImage actual, string what, double tolerance = 1e-7)
    {
        Assert.Equal(expected.Length, actual.Pixels.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(expected[i] - actual.Pixels[i]) <= tolerance))
            {
                Assert.Fail($"{what}: pixel ({i % actual.Width}, {i / actual.Width}) is {actual.Pixels[i]}, expected {expected[i]}");
            }
        }
    }

    public static GrayImage Read(string name) => ImageIo.Read(PathOf(name));
}
