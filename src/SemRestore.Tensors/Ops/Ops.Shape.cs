using System.Numerics.Tensors;

namespace SemRestore.Tensors;

public static partial class Ops
{
    /// <summary>The same elements in a new shape (shares storage; one entry may be -1 to infer it).</summary>
    /// <exception cref="ArgumentException">The element count differs (message names both shapes).</exception>
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        var inferAt = Array.IndexOf(resolved, -1);
        if (inferAt >= 0)
        {
            long known = 1;
            for (var i = 0; i < resolved.Length; i++)
            {
                if (i != inferAt)
                {
                    known *= resolved[i];
                }
            }

            if (known <= 0 || x.Length % known != 0)
            {
                throw new ArgumentException($"reshape: cannot infer -1 in {Tensor.FormatShape(shape)} for {x.ShapeString} ({x.Length} elements).", nameof(shape));
            }

            resolved[inferAt] = (int)(x.Length / known);
        }

        resolved = Tensor.ValidateShape(resolved, nameof(shape));
        if (Tensor.ShapeLength(resolved) != x.Length)
        {
            throw new ArgumentException($"reshape: {x.ShapeString} ({x.Length} elements) cannot become {Tensor.FormatShape(shape)}.", nameof(shape));
        }

        x.Storage.AddReference();
        var output = new Tensor(resolved, x.Storage, tracked: true);
        return Record(output, "reshape", [x], g =>
        {
            var dx = x.GradSpanForFullWrite(out var overwrite);
            if (overwrite)
            {
                g.Data.CopyTo(dx);
            }
            else
            {
                TensorPrimitives.Add(dx, g.Data, dx);
            }
        });
    }

    /// <summary>Joins tensors along <paramref name="axis"/>; all other dimensions must match.</summary>
    /// <exception cref="ArgumentException">No tensors, ranks differ, or a non-concatenated dimension differs.</exception>
    public static Tensor Concat(int axis, params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0)
        {
            throw new ArgumentException("concat: needs at least one tensor.", nameof(tensors));
        }

        var first = tensors[0];
        var a = first.NormalizeAxis(axis);
        var shape = first.Shape;
        shape[a] = 0;
        foreach (var t in tensors)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(tensors));
            var ok = t.Rank == first.Rank;
            for (var i = 0; ok && i < t.Rank; i++)
            {
                ok = i == a || t.ShapeRef[i] == first.ShapeRef[i];
            }

            if (!ok)
            {
                throw new ArgumentException($"concat along axis {axis}: shapes {string.Join(" and ", tensors.Select(x => x.ShapeString))} differ outside that axis.", nameof(tensors));
            }

            shape[a] += t.ShapeRef[a];
        }

        var output = Tensor.Empty(shape);
        var outer = 1;
        for (var i = 0; i < a; i++)
        {
            outer *= shape[i];
        }

        var inner = output.Length / outer / shape[a];
        var outBlock = shape[a] * inner;
        var offset = 0;
        foreach (var t in tensors)
        {
            var block = t.ShapeRef[a] * inner;
            for (var o = 0; o < outer; o++)
            {
                t.Data.Slice(o * block, block).CopyTo(output.Data.Slice(o * outBlock + offset, block));
            }

            offset += block;
        }

        return Record(output, "concat", tensors, g =>
        {
            var start = 0;
            foreach (var t in tensors)
            {
                var block = t.ShapeRef[a] * inner;
                if (t.RequiresGrad)
                {
                    var dx = t.GradSpan();
                    for (var o = 0; o < outer; o++)
                    {
                        var dst = dx.Slice(o * block, block);
                        TensorPrimitives.Add(dst, g.Data.Slice(o * outBlock + start, block), dst);
                    }
                }

                start += block;
            }
        });
    }

    /// <summary>Elements [start, start+length) along <paramref name="axis"/> (a copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the axis.</exception>
    public static Tensor Slice(Tensor x, int axis, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(x);
        var a = x.NormalizeAxis(axis);
        var size = x.ShapeRef[a];
        if (start < 0 || length <= 0 || start + length > size)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"slice: range [{start}, {start + length}) is outside axis {axis} of size {size} in {x.ShapeString}.");
        }

        var shape = x.Shape;
        shape[a] = length;
        var output = Tensor.Empty(shape);
        var outer = 1;
        for (var i = 0; i < a; i++)
        {
            outer *= shape[i];
        }

        var inner = output.Length / outer / length;
        var inBlock = size * inner;
        var block = length * inner;
        for (var o = 0; o < outer; o++)
        {
            x.Data.Slice(o * inBlock + start * inner, block).CopyTo(output.Data.Slice(o * block, block));
        }

        return Record(output, "slice", [x], g =>
        {
            var dx = x.GradSpan();
            for (var o = 0; o < outer; o++)
            {
                var dst = dx.Slice(o * inBlock + start * inner, block);
                TensorPrimitives.Add(dst, g.Data.Slice(o * block, block), dst);
            }
        });
    }

    /// <summary>Splits along <paramref name="axis"/> into pieces of the given sizes (which must sum to the axis size).</summary>
    /// <exception cref="ArgumentException">The sizes do not sum to the axis size.</exception>
    public static Tensor[] Split(Tensor x, int axis, params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(sizes);
        var a = x.NormalizeAxis(axis);
        if (sizes.Sum() != x.ShapeRef[a] || sizes.Any(s => s <= 0))
        {
            throw new ArgumentException($"split: sizes [{string.Join(", ", sizes)}] must be positive and sum to {x.ShapeRef[a]} (axis {axis} of {x.ShapeString}).", nameof(sizes));
        }

        var pieces = new Tensor[sizes.Length];
        var start = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            pieces[i] = Slice(x, a, start, sizes[i]);
            start += sizes[i];
        }

        return pieces;
    }

    /// <summary>Swaps two axes (a copy), e.g. (B, N, D) -> (B, D, N) for attention.</summary>
    public static Tensor Transpose(Tensor x, int axis0, int axis1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var a0 = x.NormalizeAxis(axis0);
        var a1 = x.NormalizeAxis(axis1);
        var perm = new int[x.Rank];
        for (var i = 0; i < perm.Length; i++)
        {
            perm[i] = i;
        }

        (perm[a0], perm[a1]) = (perm[a1], perm[a0]);
        return Permute(x, perm);
    }

    /// <summary>Reorders axes: output axis i is input axis perm[i] (a copy), like torch.permute.</summary>
    /// <exception cref="ArgumentException">perm is not a permutation of 0..rank-1.</exception>
    public static Tensor Permute(Tensor x, params int[] perm)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(perm);
        var rank = x.Rank;
        if (perm.Length != rank || perm.Distinct().Count() != rank || perm.Any(p => p < 0 || p >= rank))
        {
            throw new ArgumentException($"permute: [{string.Join(", ", perm)}] is not a permutation of the {rank} axes of {x.ShapeString}.", nameof(perm));
        }

        var inShape = x.ShapeRef;
        var outShape = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            outShape[i] = inShape[perm[i]];
        }

        // Pad to rank 4; strides of the input in output axis order.
        var dims = new int[4];
        var strides = new int[4];
        var inStrides = new int[rank];
        var s = 1;
        for (var i = rank - 1; i >= 0; i--)
        {
            inStrides[i] = s;
            s *= inShape[i];
        }

        for (var i = 0; i < 4; i++)
        {
            var j = i - (4 - rank);
            dims[i] = j >= 0 ? outShape[j] : 1;
            strides[i] = j >= 0 ? inStrides[perm[j]] : 0;
        }

        var output = Tensor.Empty(outShape);
        Walk4(x.Data, output.Data, dims, strides, gather: true);

        // Backward scatters through the same index map (a permutation, so no collisions).
        return Record(output, "permute", [x], g => Walk4(x.GradSpan(), g.Data, dims, strides, gather: false));
    }

    /// <summary>Walks a rank-4 strided view in row-major order: gather copies view -> dense, otherwise the dense
    /// values are added back into the view's positions (the permutation's backward).</summary>
    private static void Walk4(Span<float> strided, Span<float> dense, int[] dims, int[] strides, bool gather)
    {
        var o = 0;
        for (var i0 = 0; i0 < dims[0]; i0++)
        {
            for (var i1 = 0; i1 < dims[1]; i1++)
            {
                for (var i2 = 0; i2 < dims[2]; i2++)
                {
                    var baseOffset = i0 * strides[0] + i1 * strides[1] + i2 * strides[2];
                    for (var i3 = 0; i3 < dims[3]; i3++, o++)
                    {
                        ref var s = ref strided[baseOffset + i3 * strides[3]];
                        if (gather)
                        {
                            dense[o] = s;
                        }
                        else
                        {
                            s += dense[o];
                        }
                    }
                }
            }
        }
    }
}
