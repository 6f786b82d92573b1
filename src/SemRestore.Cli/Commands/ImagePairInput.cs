using SemRestore.Imaging;
using SemRestore.Imaging.Io;
using SemRestore.Metrics.Evaluation;

namespace SemRestore.Cli.Commands;

/// <summary>Reads the two images that compare and analyze-noise take, applies an optional crop to both and checks their sizes.</summary>
internal static class ImagePairInput
{
    /// <exception cref="ImageFormatException">A file cannot be read.</exception>
    /// <exception cref="InvalidInputException">The crop does not fit, or the images differ in size.</exception>
    public static (GrayImage First, GrayImage Second) Read(string firstPath, string secondPath, CropRegion? region)
    {
        var first = ImageIo.Read(firstPath);
        var second = ImageIo.Read(secondPath);
        if (region is { } r)
        {
            first = r.Apply(first, firstPath);
            second = r.Apply(second, secondPath);
        }

        if (first.Width != second.Width || first.Height != second.Height)
        {
            throw new InvalidInputException(
                $"{firstPath} is {first.Width}x{first.Height} but {secondPath} is {second.Width}x{second.Height}; the images must have one size (register and crop them first).");
        }

        return (first, second);
    }
}
