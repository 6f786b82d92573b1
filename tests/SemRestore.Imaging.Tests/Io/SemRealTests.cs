using SemRestore.Imaging.Io;
using SemRestore.TestUtilities;

namespace SemRestore.Imaging.Tests.Io;

/// <summary>Every real SEM image in ../shared/data/sem-real loads with its true size, depth and pixels.</summary>
[Trait("Category", "Integration")]
public sealed class SemRealTests
{
    /// <summary>
    /// Facts from independent tools: size, 8 bits and "Compression Scheme: None" from `tiffinfo`; the sum of all
    /// pixel codes and the code at (x 200, y 100) from `tifffile.imread(f).astype('int64')` (python3-tifffile 2023.2.3).
    /// </summary>
    [Theory]
    [InlineData("kriss-spheres_L05_clean_100ns-LI50.tif", 21550290, 38)]
    [InlineData("kriss-spheres_L05_noisy_100ns-LI1.tif", 21937474, 44)]
    [InlineData("kriss-spheres_L12_clean_100ns-LI50.tif", 28454486, 22)]
    [InlineData("kriss-spheres_L12_noisy_100ns-LI1.tif", 29210311, 50)]
    [InlineData("kriss-spheres_T20_clean_30us.tif", 25398996, 197)]
    [InlineData("kriss-spheres_T20_noisy_100ns.tif", 25966735, 219)]
    [InlineData("kriss-spheres_T30_clean_30us.tif", 25780536, 137)]
    [InlineData("kriss-spheres_T30_noisy_100ns.tif", 26261334, 111)]
    public void SemRealImage_LoadsWithItsTrueSizeDepthAndPixels(string name, long codeSum, int codeAt200x100)
    {
        var path = Path.Combine(TestPaths.SemReal, name);
        if (!File.Exists(path))
        {
            return; // The shared data set is not beside this checkout.
        }

        var info = ImageIo.Probe(path);
        Assert.Equal((512, 471, 8, 1, "none", "gray"), (info.Width, info.Height, info.BitDepth, info.Pages, info.Compression, info.ColorModel));
        var image = ImageIo.Read(path);
        Assert.Equal((512, 471, 8), (image.Width, image.Height, image.BitDepth));
        long sum = 0;
        foreach (var value in image.Pixels)
        {
            sum += PixelConversion.Quantize(value, 255f);
        }

        Assert.Equal(codeSum, sum);
        Assert.Equal(codeAt200x100, PixelConversion.Quantize(image[200, 100], 255f));
        Assert.Contains("[Beam]", image.Metadata["tiff.34682"]);
    }

    [Fact]
    public void SemRealFolder_HasTheEightImages()
    {
        if (!Directory.Exists(TestPaths.SemReal))
        {
            return;
        }

        Assert.Equal(8, Directory.GetFiles(TestPaths.SemReal, "*.tif").Length);
    }
}
