namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Pads (or, with negative amounts, crops) the last two axes of a rank-2..4 tensor, like
    /// torch.nn.functional.pad(x, (left, right, top, bottom), mode). Constant mode fills with
    /// <paramref name="value"/>; Reflect mirrors without repeating the edge (amount &lt; size); Replicate
    /// repeats the edge. The backward pass adds each output gradient to the input element it came from.
    /// </summary>
    /// <exception cref="ArgumentException">Rank below 2, reflect padding not smaller than the size, or an empty result.</exception>
    public static Tensor Pad(Tensor x, int left, int right, int top, int bottom, PaddingMode mode = PaddingMode.Zeros, float value = 0f)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2)
        {
            throw new ArgumentException($"pad: input must have rank >= 2 (pads the last two axes), got {x.ShapeString}.", nameof(x));
        }

        int h = x.Dim(-2), w = x.Dim(-1);
        int outH = h + top + bottom, outW = w + left + right;
        if (outH <= 0 || outW <= 0)
        {
            throw new ArgumentException($"pad: padding ({left}, {right}, {top}, {bottom}) leaves an empty result from {x.ShapeString}.");
        }

        if (mode == PaddingMode.Reflect && (Math.Max(left, right) >= w || Math.Max(top, bottom) >= h))
        {
            throw new ArgumentException($"pad: reflect padding ({left}, {right}, {top}, {bottom}) must be smaller than the size {h}x{w} of {x.ShapeString}.");
        }

        var mapY = BorderMap(h, outH, top, mode);
        var mapX = BorderMap(w, outW, left, mode);
        var shape = x.Shape;
        shape[^2] = outH;
        shape[^1] = outW;
        var output = Tensor.Empty(shape);
        var planes = x.Length / (h * w);
        ParallelFor(planes, outH * outW, p =>
        {
            var src = x.Data.Slice(p * h * w, h * w);
            var dst = output.Data.Slice(p * outH * outW, outH * outW);
            for (var y = 0; y < outH; y++)
            {
                var sy = mapY[y];
                var row = dst.Slice(y * outW, outW);
                if (sy < 0)
                {
                    row.Fill(value);
                    continue;
                }

                for (var xx = 0; xx < outW; xx++)
                {
                    var sx = mapX[xx];
                    row[xx] = sx < 0 ? value : src[sy * w + sx];
                }
            }
        });

        return Record(output, "pad", [x], g =>
        {
            x.GradSpan();
            ParallelFor(planes, outH * outW, p =>
            {
                var dx = x.Grad!.Data.Slice(p * h * w, h * w);
                var gs = g.Data.Slice(p * outH * outW, outH * outW);
                for (var y = 0; y < outH; y++)
                {
                    var sy = mapY[y];
                    if (sy < 0)
                    {
                        continue;
                    }

                    for (var xx = 0; xx < outW; xx++)
                    {
                        var sx = mapX[xx];
                        if (sx >= 0)
                        {
                            dx[sy * w + sx] += gs[y * outW + xx];
                        }
                    }
                }
            });
        });
    }

    /// <summary>Crops the last two axes: rows [top, top+height), columns [left, left+width).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window leaves the tensor.</exception>
    public static Tensor Crop(Tensor x, int top, int left, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2 || top < 0 || left < 0 || height <= 0 || width <= 0 || top + height > x.Dim(-2) || left + width > x.Dim(-1))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"crop: window (top {top}, left {left}, {height}x{width}) does not fit in {x.ShapeString}.");
        }

        return Pad(x, -left, width + left - x.Dim(-1), -top, height + top - x.Dim(-2));
    }

    /// <summary>For each output index, the source index along one axis, or -1 for a constant fill.</summary>
    private static int[] BorderMap(int size, int outSize, int before, PaddingMode mode)
    {
        var map = new int[outSize];
        for (var i = 0; i < outSize; i++)
        {
            var s = i - before;
            if (s < 0 || s >= size)
            {
                s = mode switch
                {
                    PaddingMode.Reflect => size == 1 ? 0 : Reflect(s, size),
                    PaddingMode.Replicate => Math.Clamp(s, 0, size - 1),
                    _ => -1,
                };
            }

            map[i] = s;
        }

        return map;
    }

    private static int Reflect(int s, int size)
    {
        var period = 2 * (size - 1);
        s = ((s % period) + period) % period;
        return s < size ? s : period - s;
    }
}
