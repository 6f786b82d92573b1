using System.Runtime.Intrinsics;
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
        if (AllFinite(pixels))
        {
            return;
        }

        var j = Array.FindIndex(pixels, value => !float.IsFinite(value));
        throw new InvalidInputException(
            $"{denoiser}: pixel ({j % image.Width}, {j / image.Width}) is {pixels[j]}; the image must hold finite values.");
    }

    /// <summary>
    /// True when every value is finite. Fast filters call it on each row they read anyway (while it is in L1) instead of
    /// a separate pass over the image, then call <see cref="EnsureFinite"/> for the message when a row failed.
    /// </summary>
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        // v * 0 is 0 for finite v and NaN for NaN or infinity; NaN survives the sum.
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var sum = Vector512<float>.Zero;
            for (; i + 16 <= values.Length; i += 16)
            {
                sum += SimdMath.Load512(values, i) * Vector512<float>.Zero;
            }

            if (!Vector512.EqualsAll(sum, Vector512<float>.Zero))
            {
                return false;
            }
        }

        var sum256 = Vector256<float>.Zero;
        for (; i + 8 <= values.Length; i += 8)
        {
            sum256 += SimdMath.Load(values, i) * Vector256<float>.Zero;
        }

        if (!Vector256.EqualsAll(sum256, Vector256<float>.Zero))
        {
            return false;
        }

        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A new image of the same size, bit depth and metadata whose pixels the caller overwrites (not zeroed).</summary>
    public static GrayImage CreateUninitializedLike(GrayImage image)
    {
        var output = new GrayImage(image.Width, image.Height, GC.AllocateUninitializedArray<float>(image.Pixels.Length), image.BitDepth);
        output.CopyMetadataFrom(image);
        return output;
    }
}
