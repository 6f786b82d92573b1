using SemRestore.Imaging;
using SemRestore.Training.Data;

namespace SemRestore.Training.Tests;

/// <summary>A minimal frame format for tests that must not depend on a codec: int32 width, int32 height, floats.</summary>
public sealed class RawFrameReader : IFrameReader
{
    public static RawFrameReader Instance { get; } = new();

    public int Reads { get; private set; }

    public static void Write(string path, GrayImage image)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(image.Width);
        writer.Write(image.Height);
        foreach (var value in image.Pixels)
        {
            writer.Write(value);
        }
    }

    public GrayImage Read(string path)
    {
        Reads++;
        using var reader = new BinaryReader(File.OpenRead(path));
        var width = reader.ReadInt32();
        var height = reader.ReadInt32();
        var pixels = new float[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = reader.ReadSingle();
        }

        return new GrayImage(width, height, pixels);
    }

    public (int Width, int Height) ProbeSize(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        return (reader.ReadInt32(), reader.ReadInt32());
    }
}
