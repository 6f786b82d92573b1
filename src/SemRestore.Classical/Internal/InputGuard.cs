using SemRestore.Imaging;

namespace SemRestore.Classical.Internal;

/// <summary>Checks shared by every classical denoiser before it runs.</summary>
internal static class InputGuard
{
    /// <summary>Throws when the image holds NaN or infinity, which no filter here can order or average meaningfully.</summary>
    /// <exception cref="ArgumentNullException">The image is null.</exception>
    /// <exception cref="InvalidInputException">A pixel is not finite; the message names the first one.</exception>
    public static void EnsureFinite(GrayImage image, string denoiser)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            if (!float.IsFinite(pixels[i]))
            {
                throw new InvalidInputException(
                    $"{denoiser}: pixel ({i % image.Width}, {i / image.Width}) is {pixels[i]}; the image must hold finite values.");
            }
        }
    }
}
