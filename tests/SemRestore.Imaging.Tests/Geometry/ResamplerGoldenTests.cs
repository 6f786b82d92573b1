using System.Buffers.Binary;
using SemRestore.Imaging.Geometry;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Geometry;

/// <summary>Resampler against PIL 9.4's Image.resize on committed fixtures (tests/Golden/resampling/make_golden.py).</summary>
[Trait("Category", "Golden")]
public sealed class ResamplerGoldenTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "cases.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var f = line.Split(' ');
            data.Add(f[0], f[2], line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resize_MatchesPil(string name, string mode, string line)
    {
        var f = line.Split(' ');
        var method = f[1] switch
        {
            "nearest" => ResampleMethod.Nearest,
            "bilinear" => ResampleMethod.Bilinear,
            "bicubic" => ResampleMethod.Bicubic,
            "lanczos3" => ResampleMethod.Lanczos3,
            _ => throw new InvalidDataException(f[1]),
        };
        var input = Load(f[3], int.Parse(f[4]), int.Parse(f[5]));
        var expected = Load(f[6], int.Parse(f[7]), int.Parse(f[8]));
        var actual = Resampler.Resize(input, expected.Width, expected.Height, method, emulateIntegerModes: mode == "L");
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.Height, actual.Height);

        // PIL's 8-bit path clips and rounds to 8 bits after each pass (hence emulateIntegerModes); its float path is exact.
        var tolerance = mode == "L" ? 1.0 / 255 + 1e-6 : 1e-5;
        double max = 0;
        for (var i = 0; i < actual.Pixels.Length; i++)
        {
            var value = actual.Pixels[i];
            max = Math.Max(max, Math.Abs(value - expected.Pixels[i]));
        }

        Assert.True(max <= tolerance, $"{name} ({mode}): max abs error {max * 255:F3}/255");
    }

    private static string Folder => Path.Combine(TestPaths.Golden, "resampling");

    private static GrayImage Load(string file, int width, int height)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        var eightBit = file.EndsWith(".u8", StringComparison.Ordinal);
        var image = new GrayImage(width, height, eightBit ? 8 : 32);
        if (eightBit)
        {
            Assert.Equal(width * height, bytes.Length);
            for (var i = 0; i < bytes.Length; i++)
            {
                image.Pixels[i] = bytes[i] / 255f;
            }
        }
        else
        {
            Assert.Equal(width * height * 4, bytes.Length);
            for (var i = 0; i < width * height; i++)
            {
                image.Pixels[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
            }
        }

        return image;
    }
}
