using SemRestore.Imaging.Geometry;

namespace SemRestore.Imaging.Tiling;

/// <summary>
/// Runs an image-to-image function tile by tile and stitches the results. Memory is bounded: besides the output
/// image (and, for smooth blending, two 1-D weight profiles), only one tile's input and output are alive at a time,
/// so a 3072x2048 or larger image is processed with tile-sized working memory.
/// </summary>
public static class TiledProcessor
{
    /// <summary>
    /// Applies <paramref name="perTile"/> to every tile of a <see cref="TileGrid"/> over <paramref name="input"/>.
    /// </summary>
    /// <param name="input">The image to process.</param>
    /// <param name="perTile">
    /// Maps a tile (read window, right/bottom padded up to <see cref="TileOptions.SizeMultiple"/>) of size w x h to an
    /// output of size (w * OutputScale) x (h * OutputScale). It is called sequentially, one tile at a time.
    /// </param>
    /// <param name="options">Tile size, overlap, blending, size multiple and output scale.</param>
    /// <param name="progress">Receives (tiles done, tile count) after each tile.</param>
    /// <param name="ct">Checked before each tile.</param>
    /// <returns>An image of (W * OutputScale) x (H * OutputScale) with the input's bit depth and metadata.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Options out of range.</exception>
    /// <exception cref="InvalidOperationException">The per-tile function returned null or a tile of the wrong size.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static GrayImage Process(
        GrayImage input,
        Func<GrayImage, GrayImage> perTile,
        TileOptions options,
        IProgress<ProgressReport>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(perTile);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var grid = new TileGrid(input.Width, input.Height, options.TileSize, options.Overlap, options.SizeMultiple);
        var scale = options.OutputScale;
        var output = new GrayImage(input.Width * scale, input.Height * scale, input.BitDepth);
        output.CopyMetadataFrom(input);

        float[][]? columnWeights = null;
        float[][]? rowWeights = null;
        double[]? columnTotals = null;
        double[]? rowTotals = null;
        if (options.Blending == TileBlending.SmoothWindow)
        {
            (columnWeights, columnTotals) = AxisWeights(grid.ColumnSegments, scale, output.Width);
            (rowWeights, rowTotals) = AxisWeights(grid.RowSegments, scale, output.Height);
        }

        for (var i = 0; i < grid.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var tile = grid[i];
            var tileOutput = RunTile(input, tile, perTile, options);
            if (options.Blending == TileBlending.CropInterior)
            {
                CopyInterior(tileOutput, tile, scale, output);
            }
            else
            {
                Accumulate(tileOutput, tile, scale, columnWeights![tile.Column], rowWeights![tile.Row], output);
            }

            progress?.Report(new ProgressReport(i + 1, grid.Count));
        }

        if (options.Blending == TileBlending.SmoothWindow)
        {
            Normalise(output, columnTotals!, rowTotals!);
        }

        return output;
    }

    private static GrayImage RunTile(GrayImage input, Tile tile, Func<GrayImage, GrayImage> perTile, TileOptions options)
    {
        var window = ImageGeometry.Crop(input, tile.ReadX, tile.ReadY, tile.ReadWidth, tile.ReadHeight);
        var m = options.SizeMultiple;
        var padRight = (m - tile.ReadWidth % m) % m;
        var padBottom = (m - tile.ReadHeight % m) % m;
        if (padRight > 0 || padBottom > 0)
        {
            window = ImageGeometry.Pad(window, 0, 0, padRight, padBottom, options.PadMode);
        }

        var result = perTile(window) ?? throw new InvalidOperationException($"The per-tile function returned null for tile {tile.Index}.");
        var s = options.OutputScale;
        if (result.Width != window.Width * s || result.Height != window.Height * s)
        {
            throw new InvalidOperationException(
                $"The per-tile function returned {result.Width}x{result.Height} for a {window.Width}x{window.Height} tile; " +
                $"expected {window.Width * s}x{window.Height * s} (output scale {s}).");
        }

        return result;
    }

    private static void CopyInterior(GrayImage tileOutput, Tile tile, int scale, GrayImage output)
    {
        var width = tile.WriteWidth * scale;
        var x0 = tile.InteriorOffsetX * scale;
        for (var y = 0; y < tile.WriteHeight * scale; y++)
        {
            tileOutput.Row(tile.InteriorOffsetY * scale + y).Slice(x0, width)
                .CopyTo(output.Row(tile.WriteY * scale + y).Slice(tile.WriteX * scale));
        }
    }

    private static void Accumulate(GrayImage tileOutput, Tile tile, int scale, float[] wx, float[] wy, GrayImage output)
    {
        var width = tile.ReadWidth * scale;
        var ox = tile.ReadX * scale;
        for (var y = 0; y < tile.ReadHeight * scale; y++)
        {
            var source = tileOutput.Row(y).Slice(0, width);
            var target = output.Row(tile.ReadY * scale + y).Slice(ox, width);
            var rowWeight = wy[y];
            for (var x = 0; x < width; x++)
            {
                target[x] += source[x] * (wx[x] * rowWeight);
            }
        }
    }

    private static void Normalise(GrayImage output, double[] columnTotals, double[] rowTotals)
    {
        var inverseColumns = new double[columnTotals.Length];
        for (var x = 0; x < inverseColumns.Length; x++)
        {
            inverseColumns[x] = 1.0 / columnTotals[x];
        }

        for (var y = 0; y < output.Height; y++)
        {
            var row = output.Row(y);
            var inverseRow = 1.0 / rowTotals[y];
            for (var x = 0; x < row.Length; x++)
            {
                row[x] = (float)(row[x] * inverseColumns[x] * inverseRow);
            }
        }
    }

    /// <summary>
    /// Per-segment 1-D weights at output scale: raised-cosine ramps across the band shared with each neighbour
    /// (0.5 - 0.5 cos(pi (j + 0.5) / band), strictly positive), and their sum over segments at every position.
    /// Tile weights are products of a column and a row profile, so the 2-D normaliser is the product of the sums.
    /// </summary>
    private static (float[][] Weights, double[] Totals) AxisWeights(TileGrid.AxisSegment[] segments, int scale, int length)
    {
        var weights = new float[segments.Length][];
        var totals = new double[length];
        for (var i = 0; i < segments.Length; i++)
        {
            var start = segments[i].ReadStart * scale;
            var size = segments[i].ReadLength * scale;
            var w = new float[size];
            Array.Fill(w, 1f);
            if (i > 0)
            {
                var previousEnd = (segments[i - 1].ReadStart + segments[i - 1].ReadLength) * scale;
                var band = previousEnd - start;
                for (var j = 0; j < band; j++)
                {
                    w[j] *= (float)(0.5 - 0.5 * Math.Cos(Math.PI * (j + 0.5) / band));
                }
            }

            if (i < segments.Length - 1)
            {
                var nextStart = segments[i + 1].ReadStart * scale;
                var band = start + size - nextStart;
                for (var j = 0; j < band; j++)
                {
                    w[size - band + j] *= (float)(0.5 + 0.5 * Math.Cos(Math.PI * (j + 0.5) / band));
                }
            }

            for (var j = 0; j < size; j++)
            {
                totals[start + j] += w[j];
            }

            weights[i] = w;
        }

        return (weights, totals);
    }
}
