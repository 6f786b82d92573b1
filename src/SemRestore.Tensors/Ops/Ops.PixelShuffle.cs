namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>(N, C*r*r, H, W) -> (N, C, H*r, W*r): out[n, c, h*r+i, w*r+j] = in[n, c*r*r + i*r + j, h, w]
    /// (torch.nn.functional.pixel_shuffle).</summary>
    /// <exception cref="ArgumentException">Channels not divisible by r*r.</exception>
    public static Tensor PixelShuffle(Tensor x, int factor)
    {
        RequireRank("pixel_shuffle", x, 4, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        int n = x.Dim(0), cin = x.Dim(1), h = x.Dim(2), w = x.Dim(3), r = factor;
        if (cin % (r * r) != 0)
        {
            throw new ArgumentException($"pixel_shuffle: channels of {x.ShapeString} are not divisible by factor^2 = {r * r}.", nameof(x));
        }

        var c = cin / (r * r);
        return PixelPermute("pixel_shuffle", x, [n, c, h * r, w * r], n, c, h, w, r, shuffle: true);
    }

    /// <summary>Inverse of <see cref="PixelShuffle"/>: (N, C, H*r, W*r) -> (N, C*r*r, H, W).</summary>
    /// <exception cref="ArgumentException">H or W not divisible by r.</exception>
    public static Tensor PixelUnshuffle(Tensor x, int factor)
    {
        RequireRank("pixel_unshuffle", x, 4, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        int r = factor;
        if (x.Dim(2) % r != 0 || x.Dim(3) % r != 0)
        {
            throw new ArgumentException($"pixel_unshuffle: height and width of {x.ShapeString} must be divisible by {r}.", nameof(x));
        }

        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2) / r, w = x.Dim(3) / r;
        return PixelPermute("pixel_unshuffle", x, [n, c * r * r, h, w], n, c, h, w, r, shuffle: false);
    }

    /// <summary>Both directions share one index map between the packed (N, C*r*r, H, W) layout and the
    /// spatial (N, C, H*r, W*r) layout.</summary>
    private static Tensor PixelPermute(string op, Tensor x, int[] outShape, int n, int c, int h, int w, int r, bool shuffle)
    {
        var output = Tensor.Empty(outShape);
        Run(x.Data, output.Data, accumulate: false, forward: true);
        return Record(output, op, [x], g => Run(g.Data, x.GradSpan(), accumulate: true, forward: false));

        void Run(ReadOnlySpan<float> src, Span<float> dst, bool accumulate, bool forward)
        {
            // packed index p = ((b*c + ch)*r*r + i*r + j)*h*w + y*w + xx; spatial s = ((b*c + ch)*h*r + y*r + i)*w*r + xx*r + j.
            var packedToSpatial = shuffle == forward;
            for (var bc = 0; bc < n * c; bc++)
            {
                for (var i = 0; i < r; i++)
                {
                    for (var j = 0; j < r; j++)
                    {
                        for (var y = 0; y < h; y++)
                        {
                            var packedRow = ((bc * r * r + i * r + j) * h + y) * w;
                            var spatialRow = (bc * h * r + y * r + i) * w * r + j;
                            for (var xx = 0; xx < w; xx++)
                            {
                                int p = packedRow + xx, s = spatialRow + xx * r;
                                int from = packedToSpatial ? p : s, to = packedToSpatial ? s : p;
                                dst[to] = accumulate ? dst[to] + src[from] : src[from];
                            }
                        }
                    }
                }
            }
        }
    }
}
