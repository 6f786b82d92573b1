using System.Diagnostics;
using SemRestore.Imaging.Io;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>
/// Seeded fuzzing: corrupted variants (byte flips, truncation, inserted bytes, overwritten 16/32-bit fields) of the
/// fixtures go through every reader. Each must end in success or an <see cref="ImageFormatException"/> within 1 s.
/// </summary>
[Trait("Category", "Unit")]
public sealed class MutationTests
{
    private static readonly string[] s_fixtures =
    [
        "u8_none.tif", "u8_lzw_pred2.tif", "u16_zip_pred2.tif", "u8_packbits.tif", "u8_tiles_lzw_pred2.tif", "u16_be_tiles_zip.tif",
        "f32_lzw_pred3.tif", "u16_bigtiff_be.tif", "stack3_u16_lzw.tif", "rgb8_planar.tif", "palette8.tif", "u8_metadata.tif",
        "gray8_filters.png", "gray4_adam7.png", "rgb8_adam7.png", "palette4_adam7.png", "gray16_alpha.png", "gray8_p2.pgm", "gray16_p5.pgm", "gray_be.pfm",
    ];

    [Fact]
    public void Readers_OnCorruptedFixtures_SucceedOrThrowImageFormatExceptionQuickly()
    {
        const int variantsPerFixture = 110;
        var random = new Random(20261202);
        var options = new ImageReadOptions(MaxPixels: 1 << 22);
        var cases = 0;
        var rejected = 0;
        var slowest = TimeSpan.Zero;
        foreach (var name in s_fixtures)
        {
            var original = IoFixtures.Bytes(name);
            var extension = Path.GetExtension(name);
            for (var v = 0; v < variantsPerFixture; v++)
            {
                var mutated = Mutate(original, random);
                var clock = Stopwatch.StartNew();
                try
                {
                    Decode(mutated, extension, options);
                }
                catch (ImageFormatException)
                {
                    rejected++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{name} variant {v}: {e.GetType().Name}: {e.Message}");
                }

                clock.Stop();
                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{name} variant {v} took {clock.Elapsed.TotalMilliseconds:0} ms");
                cases++;
            }
        }

        Assert.True(cases >= 2000, $"only {cases} cases");
        Assert.True(rejected > cases / 10, $"only {rejected} of {cases} corrupted files were rejected; the mutations are too weak");
    }

    private static void Decode(byte[] bytes, string extension, ImageReadOptions options)
    {
        // Through the facade's stream handling, as a user's file would be read: a temp file per case is too slow.
        using var stream = new MemoryStream(bytes, writable: false);
        switch (extension)
        {
            case ".tif":
                try
                {
                    TiffCodec.Read(stream, "fuzz.tif", options, null);
                    stream.Position = 0;
                    TiffCodec.Probe(stream, "fuzz.tif");
                }
                catch (Exception e) when (IsCorruptDataException(e))
                {
                    throw new ImageFormatException("fuzz.tif", e.Message, e);
                }

                break;
            case ".png":
                PngCodec.Read(stream, "fuzz.png", options);
                break;
            case ".pgm":
                PgmCodec.Read(stream, "fuzz.pgm", options);
                break;
            default:
                PfmCodec.Read(stream, "fuzz.pfm", options);
                break;
        }
    }

    /// <summary>Only end-of-stream reaches the facade from a codec (the facade maps it to "truncated"); anything else is a bug.</summary>
    private static bool IsCorruptDataException(Exception e) => e is EndOfStreamException;

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var kind = random.Next(6);
        switch (kind)
        {
            case 0:
                // A few random byte flips, biased to the header region where the structure lives.
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    var at = random.Next(2) == 0 ? random.Next(Math.Min(256, bytes.Length)) : random.Next(bytes.Length);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1:
                return bytes.AsSpan(0, random.Next(bytes.Length)).ToArray();
            case 2:
            {
                var at = random.Next(bytes.Length);
                var insert = new byte[random.Next(1, 9)];
                random.NextBytes(insert);
                return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
            }

            case 3:
            {
                // Overwrite a 16 or 32-bit field with an extreme value (0, max, a large offset).
                var at = random.Next(Math.Max(1, Math.Min(512, bytes.Length - 4)));
                var value = random.Next(3) switch { 0 => 0u, 1 => uint.MaxValue, _ => (uint)random.Next() };
                for (var i = 0; i < 4 && at + i < bytes.Length; i++)
                {
                    bytes[at + i] = (byte)(value >> (8 * i));
                }

                return bytes;
            }

            case 4:
                // Random bytes over a stretch of the data (corrupt compressed data).
                var start = random.Next(bytes.Length);
                random.NextBytes(bytes.AsSpan(start, Math.Min(bytes.Length - start, random.Next(1, 64))));
                return bytes;
            default:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
        }
    }
}
