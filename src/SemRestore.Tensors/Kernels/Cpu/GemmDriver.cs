namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>
/// Blocked, packed, multithreaded GEMM over packer-supplied operands:
/// <c>C_b[i, j] = alpha * sum_s sum_p A_{b,s}[i, p] * B_{b,s}[p, j] + beta * C_b[i, j]</c>
/// for batch b, shared-dimension segment s and p within the segment.
/// </summary>
/// <remarks>
/// A task owns a tile of C (a range of rows by at most NC columns) of one batch entry. It scales the tile by
/// beta, then for each segment and KC block of the shared dimension (in increasing order) packs the B block
/// of its columns, and for each MC block of its rows packs the A block and runs the micro-kernels (B panel
/// outer, so it stays in L1 while the A panels stream from L2). Every element of C accumulates its
/// products in its own register lane in increasing p within a KC block, and the KC blocks depend only on the
/// segment length, so any tiling and any thread count give the same bits: results are deterministic.
/// With alpha = 0 or an empty shared dimension, A and B are not read (BLAS semantics).
/// </remarks>
internal static unsafe class GemmDriver
{
    /// <summary>Below this many multiply-adds a call runs on the calling thread only.</summary>
    private const long ParallelThreshold = 1L << 20;

    /// <summary>Tasks per thread: more balance the load on a busy machine, fewer repack less.</summary>
    private const int TasksPerThread = 2;

    /// <summary>Cost of packing one element relative to one multiply-add (about 0.5 cycle vs 1/32).</summary>
    private const double PackCost = 16;

    public static void Run<TA, TB>(in GemmPlan plan, int batchCount, int m, int n, int segmentLength, int segments,
        float alpha, TA a, TB b, float beta, float* c, int ldc, long cBatchStride)
        where TA : struct, IGemmPacker
        where TB : struct, IGemmPacker
    {
        if (batchCount <= 0 || m <= 0 || n <= 0)
        {
            return;
        }

        var p = plan;
        var k = (long)segmentLength * segments;
        var work = (long)batchCount * m * n * Math.Max(k, 1);
        var threads = work < ParallelThreshold ? 1 : Math.Max(1, p.MaxDegreeOfParallelism);

        // A task owns a block of rows x columns of one batch entry. Inside it, each packed B block (KC x NC)
        // is reused by every MC block of rows, so splitting rows costs a repack of B and splitting columns a
        // repack of A; split until every thread has TasksPerThread tasks, cutting the longer side.
        var wanted = threads == 1 ? 1 : TasksPerThread * threads;
        var tilesM = 1;
        var tilesN = CeilDiv(n, p.NC);
        while (batchCount * tilesM * tilesN < wanted)
        {
            var canSplitM = CeilDiv(m, tilesM + 1) >= p.MR && tilesM * p.MR < m;
            var canSplitN = tilesN * p.NR < n;
            if (!canSplitM && !canSplitN)
            {
                break;
            }

            if (canSplitN && (!canSplitM || (long)n * tilesM >= (long)m * tilesN))
            {
                tilesN++;
            }
            else
            {
                tilesM++;
            }
        }

        var mt = RoundUp(CeilDiv(m, tilesM), p.MR);
        tilesM = CeilDiv(m, mt);
        var nc = BalancedColumns(n, p.NR, tilesN, batchCount * tilesM, Math.Min(mt, m), threads);
        tilesN = CeilDiv(n, nc);

        var kBlocks = Math.Max(1, CeilDiv(segmentLength, p.KC));
        var kc = Math.Max(1, CeilDiv(segmentLength, kBlocks));
        var skipProducts = alpha == 0f || k == 0;

        // B rows that lie contiguous in the operand are read in place (AVX-512 kernels only): no copy.
        var inPlace = b.ReadsInPlace && p.Level == SimdLevel.Vector512;
        var tilesPerBatch = tilesM * tilesN;
        var total = batchCount * tilesPerBatch;

        void RunTile(int task)
        {
            var batch = task / tilesPerBatch;
            var rest = task - batch * tilesPerBatch;
            var tm = rest / tilesN;
            var tn = rest - tm * tilesN;
            var i0 = tm * mt;
            var j0 = tn * nc;
            var rows = Math.Min(mt, m - i0);
            var cols = Math.Min(nc, n - j0);
            var tile = c + batch * cBatchStride + (long)i0 * ldc + j0;
            ScaleTile(tile, ldc, rows, cols, beta);
            if (skipProducts)
            {
                return;
            }

            var panelsN = CeilDiv(cols, p.NR);
            var packA = GemmScratch.Get(p.MC * p.KC + p.KC * p.NC + 2 * p.KC * CeilDiv(p.NC, p.NR));
            var packB = packA + p.MC * p.KC;
            var rowTable = inPlace ? (float**)(packB + p.KC * p.NC) : null;
            for (var segment = 0; segment < segments; segment++)
            {
                for (var k0 = 0; k0 < segmentLength; k0 += kc)
                {
                    var kcur = Math.Min(kc, segmentLength - k0);
                    for (var jp = 0; jp < panelsN; jp++)
                    {
                        var width = Math.Min(p.NR, cols - jp * p.NR);
                        if (rowTable is not null && width == p.NR)
                        {
                            b.PackOrPoint(batch, segment, k0, kcur, j0 + jp * p.NR, p.NR, packB + jp * kcur * p.NR, rowTable + jp * kcur);
                        }
                        else
                        {
                            b.Pack(batch, segment, k0, kcur, j0 + jp * p.NR, width, p.NR, packB + jp * kcur * p.NR);
                        }
                    }

                    for (var r0 = 0; r0 < rows; r0 += p.MC)
                    {
                        var blockRows = Math.Min(p.MC, rows - r0);
                        PackRows(ref a, p, batch, segment, k0, kcur, i0 + r0, blockRows, packA);

                        // B panel outer so that it stays in L1 while the A panels stream from L2.
                        for (var jp = 0; jp < panelsN; jp++)
                        {
                            var nr = Math.Min(p.NR, cols - jp * p.NR);
                            var bRows = rowTable is not null && nr == p.NR ? rowTable + jp * kcur : null;
                            RunPanels(p, kcur, packA, packB + jp * kcur * p.NR, bRows, blockRows, nr, tile + (long)r0 * ldc + jp * p.NR, ldc, alpha);
                        }
                    }
                }
            }
        }

        if (threads == 1 || total == 1)
        {
            for (var task = 0; task < total; task++)
            {
                RunTile(task);
            }

            return;
        }

        Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = threads }, RunTile);
    }

    /// <summary>
    /// Height of the next A panel for <paramref name="remaining"/> rows: MR, except that the AVX-512 level
    /// ends a block with 8- or 4-row panels (64 rows = 4 x 12 + 8) instead of a mostly padded 12-row one.
    /// Every panel height computes each element with the same operations, so this does not change results.
    /// </summary>
    private static int PanelRows(in GemmPlan p, int remaining)
    {
        if (p.Level != SimdLevel.Vector512 || remaining > 16 || remaining == 12)
        {
            return p.MR;
        }

        return remaining > 4 ? 8 : 4;
    }

    private static void PackRows<TA>(ref TA a, in GemmPlan p, int batch, int segment, int k0, int kc, int row0, int rows, float* packA)
        where TA : struct, IGemmPacker
    {
        for (var r = 0; r < rows;)
        {
            var height = PanelRows(p, rows - r);
            a.Pack(batch, segment, k0, kc, row0 + r, Math.Min(height, rows - r), height, packA + (long)r * kc);
            r += height;
        }
    }

    /// <summary>Runs the micro-kernel down one B panel for every A panel of a packed row block. The panel's rows
    /// are read through <paramref name="bRows"/> when it is not null, else from the packed <paramref name="bPanel"/>.</summary>
    private static void RunPanels(in GemmPlan p, int kc, float* packA, float* bPanel, float** bRows, int rows, int nr, float* c, int ldc, float alpha)
    {
        var packed = new PackedBPanel(bPanel, p.NR);
        var inPlace = new IndirectBPanel(bRows);
        for (var r = 0; r < rows;)
        {
            var height = PanelRows(p, rows - r);
            var mr = Math.Min(height, rows - r);
            var cPtr = c + (long)r * ldc;
            var aPanel = packA + (long)r * kc;
            switch (p.Level)
            {
                case SimdLevel.Vector512 when height == 12 && bRows is not null:
                    GemmMicroKernels.Kernel12x32(kc, aPanel, inPlace, cPtr, ldc, alpha, mr, nr);
                    break;
                case SimdLevel.Vector512 when height == 12:
                    GemmMicroKernels.Kernel12x32(kc, aPanel, packed, cPtr, ldc, alpha, mr, nr);
                    break;
                case SimdLevel.Vector512 when height == 8 && bRows is not null:
                    GemmMicroKernels.Kernel8x32(kc, aPanel, inPlace, cPtr, ldc, alpha, mr, nr);
                    break;
                case SimdLevel.Vector512 when height == 8:
                    GemmMicroKernels.Kernel8x32(kc, aPanel, packed, cPtr, ldc, alpha, mr, nr);
                    break;
                case SimdLevel.Vector512 when bRows is not null:
                    GemmMicroKernels.Kernel4x32(kc, aPanel, inPlace, cPtr, ldc, alpha, mr, nr);
                    break;
                case SimdLevel.Vector512:
                    GemmMicroKernels.Kernel4x32(kc, aPanel, packed, cPtr, ldc, alpha, mr, nr);
                    break;
                case SimdLevel.Vector256:
                    GemmMicroKernels.Kernel6x16(kc, aPanel, bPanel, cPtr, ldc, alpha, mr, nr);
                    break;
                default:
                    GemmMicroKernels.KernelScalar(kc, aPanel, bPanel, cPtr, ldc, alpha, mr, nr, p.MR, p.NR);
                    break;
            }

            r += height;
        }
    }

    private static void ScaleTile(float* tile, int ldc, int rows, int cols, float beta)
    {
        if (beta == 1f)
        {
            return;
        }

        for (var r = 0; r < rows; r++)
        {
            var row = new Span<float>(tile + (long)r * ldc, cols);
            if (beta == 0f)
            {
                row.Clear(); // not 0 * C: stale NaN or Inf in C must not survive (BLAS semantics)
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
            }
        }
    }

    /// <summary>
    /// Tile width (a multiple of NR) for at least <paramref name="minTiles"/> column tiles that minimises the
    /// busiest thread's time: its tiles' multiply-adds (rows x width) plus packing, counted as
    /// <see cref="PackCost"/> multiply-adds per packed element (each tile packs its rows of A and its columns
    /// of B per unit of the shared dimension). 18 panels of 64 rows on 2 threads become 2 x 9, not 6 x 3.
    /// </summary>
    private static int BalancedColumns(int n, int nr, int minTiles, int otherTiles, int rows, int threads)
    {
        var panels = CeilDiv(n, nr);
        var best = CeilDiv(panels, minTiles);
        var bestCost = double.MaxValue;
        for (var tiles = minTiles; tiles <= Math.Min(panels, 3 * minTiles); tiles++)
        {
            var perTile = CeilDiv(panels, tiles);
            var tasks = (long)otherTiles * CeilDiv(panels, perTile);
            var width = (double)perTile * nr;
            var cost = Math.Ceiling((double)tasks / threads) * (width * rows + PackCost * (rows + width));
            if (cost < bestCost)
            {
                bestCost = cost;
                best = perTile;
            }
        }

        return best * nr;
    }

    internal static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private static int RoundUp(int a, int multiple) => CeilDiv(a, multiple) * multiple;
}
