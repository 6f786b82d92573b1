namespace SemRestore.Tensors;

/// <summary>
/// How two shapes broadcast (NumPy rules: align right, a dimension of 1 stretches). Adjacent
/// dimensions with the same broadcast pattern are merged, so the common cases (same shape, scalar,
/// per-channel) become at most three loops with a contiguous inner row.
/// </summary>
internal readonly struct BroadcastPlan
{
    /// <summary>Merged sizes, at most 4, inner last.</summary>
    public readonly int[] Dims;

    /// <summary>Element strides of a and b over <see cref="Dims"/> (0 where broadcast).</summary>
    public readonly int[] StrideA;

    public readonly int[] StrideB;

    public readonly int[] OutShape;

    private BroadcastPlan(int[] dims, int[] strideA, int[] strideB, int[] outShape)
    {
        Dims = dims;
        StrideA = strideA;
        StrideB = strideB;
        OutShape = outShape;
    }

    public static BroadcastPlan Create(string op, int[] a, int[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var outShape = new int[rank];
        var pa = new int[rank];
        var pb = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            pa[i] = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
            pb[i] = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
            if (pa[i] != pb[i] && pa[i] != 1 && pb[i] != 1)
            {
                throw new ArgumentException($"{op}: shapes {Tensor.FormatShape(a)} and {Tensor.FormatShape(b)} do not broadcast (dimension {i}: {pa[i]} vs {pb[i]}).");
            }

            outShape[i] = Math.Max(pa[i], pb[i]);
        }

        // Merge dimensions right to left; a dimension of output size 1 carries no loop.
        var dims = new List<int>(rank);
        var bcastA = new List<bool>(rank);
        var bcastB = new List<bool>(rank);
        for (var i = 0; i < rank; i++)
        {
            if (outShape[i] == 1)
            {
                continue;
            }

            bool ba = pa[i] == 1, bb = pb[i] == 1;
            if (dims.Count > 0 && bcastA[^1] == ba && bcastB[^1] == bb)
            {
                dims[^1] *= outShape[i];
            }
            else
            {
                dims.Add(outShape[i]);
                bcastA.Add(ba);
                bcastB.Add(bb);
            }
        }

        var k = dims.Count;
        var strideA = new int[k];
        var strideB = new int[k];
        int sa = 1, sb = 1;
        for (var i = k - 1; i >= 0; i--)
        {
            strideA[i] = bcastA[i] ? 0 : sa;
            strideB[i] = bcastB[i] ? 0 : sb;
            if (!bcastA[i])
            {
                sa *= dims[i];
            }

            if (!bcastB[i])
            {
                sb *= dims[i];
            }
        }

        return new BroadcastPlan([.. dims], strideA, strideB, outShape);
    }

    /// <summary>Iterates the contiguous output rows; within a row a's and b's inner stride is 0 (one
    /// value stretched over the row) or 1.</summary>
    public RowIterator Rows() => new(this);

    public bool InnerABroadcast => Dims.Length > 0 && StrideA[^1] == 0;

    public bool InnerBBroadcast => Dims.Length > 0 && StrideB[^1] == 0;

    /// <summary>Odometer over the outer merged dimensions.</summary>
    public struct RowIterator
    {
        private readonly BroadcastPlan _plan;
        private readonly int _outer;
        private int _row;

        public RowIterator(BroadcastPlan plan)
        {
            _plan = plan;
            var k = plan.Dims.Length;
            Length = k == 0 ? 1 : plan.Dims[k - 1];
            _outer = 1;
            for (var i = 0; i < k - 1; i++)
            {
                _outer *= plan.Dims[i];
            }

            _row = -1;
        }

        public int Length { get; }

        public int OffsetA { get; private set; }

        public int OffsetB { get; private set; }

        public int OffsetOut => _row * Length;

        public bool MoveNext()
        {
            _row++;
            if (_row >= _outer)
            {
                return false;
            }

            // Row index -> per-dimension index over the (up to 3) outer dimensions.
            var k = _plan.Dims.Length;
            var outerDims = Math.Max(0, k - 1);
            var r = _row;
            int offA = 0, offB = 0;
            for (var d = outerDims - 1; d >= 0; d--)
            {
                var size = _plan.Dims[d];
                var idx = r % size;
                r /= size;
                offA += idx * _plan.StrideA[d];
                offB += idx * _plan.StrideB[d];
            }

            OffsetA = offA;
            OffsetB = offB;
            return true;
        }
    }
}
