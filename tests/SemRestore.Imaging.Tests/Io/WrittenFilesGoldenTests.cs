using System.Security.Cryptography;
using System.Text.Json;
using SemRestore.Imaging.Io;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>
/// Files written by SemRestore (tests/Golden/io/written) were read by libtiff, tifffile, PIL and tiffinfo
/// (make_fixtures.sh verify, results in written/verify.json). These tests check that the committed files are the
/// verified ones, that our writer still produces them, and that the independent tools saw exact pixels.
/// Regenerate with SEMRESTORE_WRITE_GOLDEN=1 and then run make_fixtures.sh verify.
/// </summary>
[Trait("Category", "Golden")]
public sealed class WrittenFilesGoldenTests
{
    public const string Fei = "[User]\r\nDate=08/09/2021\r\nUser=support\r\n";

    public static TheoryData<string> Names() =>
    [
        "ours_u8_none.tif", "ours_u8_lzw.tif", "ours_u16_lzw.tif", "ours_u16_deflate.tif", "ours_u16_stack.tif",
        "ours_f32_none.tif", "ours_f32_lzw.tif", "ours_f32_deflate.tif", "ours_u8_meta.tif", "ours_u8.png", "ours_u16.png", "ours_u8.pgm",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void WrittenFile_WasVerifiedByIndependentTools(string name)
    {
        var path = Path.Combine(IoFixtures.Folder, "written", name);
        using var verify = JsonDocument.Parse(File.ReadAllText(Path.Combine(IoFixtures.Folder, "written", "verify.json")));
        var entry = verify.RootElement.GetProperty(name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), entry.GetProperty("sha256").GetString());
        if (name.EndsWith(".tif", StringComparison.Ordinal))
        {
            Assert.True(entry.GetProperty("libtiff_exact").GetBoolean(), "libtiff decoded different pixels");
            Assert.True(entry.GetProperty("tiffinfo_ok").GetBoolean(), "tiffinfo failed");
            Assert.Equal(Frames(name).Count, entry.GetProperty("libtiff_pages").GetInt32());
        }

        if (entry.TryGetProperty("pil_exact", out var pil))
        {
            Assert.True(pil.GetBoolean(), "PIL decoded different pixels");
        }

        if (name == "ours_u8_meta.tif")
        {
            Assert.Equal("SEM image, 10 kV", entry.GetProperty("description").GetString());
            Assert.Equal(Fei, entry.GetProperty("tag34682").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Writer_StillProducesTheVerifiedFile(string name)
    {
        var committed = Path.Combine(IoFixtures.Folder, "written", name);
        var fresh = Path.Combine(SemRestore.TestUtilities.TestPaths.NewTempDirectory(), name);
        Write(fresh, name);
        if (Environment.GetEnvironmentVariable("SEMRESTORE_WRITE_GOLDEN") == "1")
        {
            File.Copy(fresh, committed, overwrite: true);
        }

        // Our LZW and uncompressed output is fully determined by our code; zlib output may change with the runtime's
        // zlib build, so for Deflate and PNG the decoded pixels must match instead of the bytes.
        var zlib = name.Contains("deflate", StringComparison.Ordinal) || name.EndsWith(".png", StringComparison.Ordinal);
        if (!zlib)
        {
            Assert.Equal(File.ReadAllBytes(committed), File.ReadAllBytes(fresh));
        }

        var expected = Frames(name);
        var committedFrames = ImageIo.ReadStack(committed);
        var freshFrames = ImageIo.ReadStack(fresh);
        Assert.Equal(expected.Count, committedFrames.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Pixels, committedFrames[i].Pixels);
            Assert.Equal(expected[i].Pixels, freshFrames[i].Pixels);
        }
    }

    private static void Write(string path, string name)
    {
        var compression = name.Contains("lzw", StringComparison.Ordinal) || name.Contains("stack", StringComparison.Ordinal) ? TiffCompression.Lzw
            : name.Contains("deflate", StringComparison.Ordinal) ? TiffCompression.Deflate : TiffCompression.None;
        ImageIo.WriteStack(path, Frames(name), new ImageWriteOptions(Compression: compression));
    }

    /// <summary>The frames each file holds: the fixture original; the stack alternates it with its vertical flip.</summary>
    private static List<GrayImage> Frames(string name)
    {
        var depth = name.Split('_')[1].Split('.')[0];
        var bits = depth switch { "u8" => 8, "u16" => 16, _ => 32 };
        var image = new GrayImage(IoFixtures.Width, IoFixtures.Height, Normalised(depth), bits);
        if (name == "ours_u8_meta.tif")
        {
            image.Metadata["tiff.ImageDescription"] = "SEM image, 10 kV";
            image.Metadata["tiff.34682"] = Fei;
        }

        if (name != "ours_u16_stack.tif")
        {
            return [image];
        }

        var flipped = new GrayImage(image.Width, image.Height, bits);
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(image.Height - 1 - y).CopyTo(flipped.Row(y));
        }

        return [image, flipped];
    }

    private static float[] Normalised(string depth)
    {
        // The same normalisation the readers use (code * (1 / max)), so a write-read round trip is exact.
        if (depth == "f32")
        {
            return IoFixtures.Floats("base_f32.raw");
        }

        var codes = IoFixtures.Codes($"base_{depth}.raw", depth == "u8" ? 1 : 2);
        var scale = depth == "u8" ? 1f / 255f : 1f / 65535f;
        var values = new float[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            values[i] = codes[i] * scale;
        }

        return values;
    }
}
