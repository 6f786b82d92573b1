using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Imaging.Specs;

namespace SemRestore.Metrics.Tests.Evaluation;

/// <summary>Stand-ins for the classical registry: "box" (a (2 radius + 1)^2 mean filter), "identity" and "shrink" (wrong size).</summary>
internal static class TestDenoisers
{
    public static readonly string[] Names = { "box", "identity", "shrink" };

    public static IDenoiser Create(string text)
    {
        var spec = NamedSpec.Parse(text);
        IDenoiser denoiser = spec.Name.ToLowerInvariant() switch
        {
            "box" => new Box(spec.GetInt("radius", 1, 1, 5), text),
            "identity" => new Delegate(text, image => image.Clone()),
            "shrink" => new Delegate(text, image => new GrayImage(image.Width - 1, image.Height)),
            _ => throw new ArgumentException($"Unknown denoiser '{spec.Name}'; registered: {string.Join(", ", Names)}.", nameof(text)),
        };
        spec.EnsureOnly();
        return denoiser;
    }

    private sealed class Delegate(string description, Func<GrayImage, GrayImage> body) : IDenoiser
    {
        public string Description => description;

        public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default) => body(input);
    }

    private sealed class Box(int radius, string description) : IDenoiser
    {
        public string Description => description;

        public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default)
        {
            var output = input.CreateLike();
            for (var y = 0; y < input.Height; y++)
            {
                for (var x = 0; x < input.Width; x++)
                {
                    double sum = 0;
                    var n = 0;
                    for (var dy = -radius; dy <= radius; dy++)
                    {
                        for (var dx = -radius; dx <= radius; dx++)
                        {
                            var sx = Math.Clamp(x + dx, 0, input.Width - 1);
                            var sy = Math.Clamp(y + dy, 0, input.Height - 1);
                            sum += input[sx, sy];
                            n++;
                        }
                    }

                    output[x, y] = (float)(sum / n);
                }
            }

            return output;
        }
    }
}
