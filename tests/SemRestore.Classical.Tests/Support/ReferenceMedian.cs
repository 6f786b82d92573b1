using SemRestore.Imaging;

namespace SemRestore.Classical.Tests.Support;

/// <summary>The plain definition of the median filter: sort each k x k window (border by index mapping) and take the middle.</summary>
internal static class ReferenceMedian
{
    public static GrayImage Apply(GrayImage input, int size, BorderMode border, int passes = 1)
    {
        var current = input.Clone();
        var radius = size / 2;
        var window = new float[size * size];
        for (var pass = 0; pass < passes; pass++)
        {
            var next = current.CreateLike();
            for (var y = 0; y < input.Height; y++)
            {
                for (var x = 0; x < input.Width; x++)
                {
                    var n = 0;
                    for (var dy = -radius; dy <= radius; dy++)
                    {
                        for (var dx = -radius; dx <= radius; dx++)
                        {
                            window[n++] = current[Map(x + dx, input.Width, border), Map(y + dy, input.Height, border)];
                        }
                    }

                    Array.Sort(window);
                    next[x, y] = window[window.Length / 2];
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>Border index rule written independently of the library's.</summary>
    public static int Map(int i, int n, BorderMode border)
    {
        while (i < 0 || i >= n)
        {
            if (n == 1)
            {
                return 0;
            }

            if (border == BorderMode.Replicate)
            {
                return Math.Clamp(i, 0, n - 1);
            }

            i = i < 0 ? -i : 2 * (n - 1) - i;
        }

        return i;
    }
}
