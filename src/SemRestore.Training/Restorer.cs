using SemRestore.Imaging;
using SemRestore.Imaging.Denoising;
using SemRestore.Models;
using SemRestore.Tensors;
using SemRestore.Tensors.Safetensors;
using SemRestore.Training.Data;

namespace SemRestore.Training;

/// <summary>
/// A trained network as an <see cref="IDenoiser"/>: normalises the whole image as training did, runs the network
/// tile by tile (bounded memory, any image size) and maps the result back to the input's range.
/// </summary>
/// <remarks>
/// Tiling (SPECS G, CSBDeep style): the image is reflect-padded at the bottom and right to a multiple of the model's
/// size multiple m; output tiles of side T (a multiple of m) are computed from read windows that extend the tile by the
/// halo rounded up to a multiple of m on every side that is not the image border, and only the tile's interior is
/// kept. Window origins stay on the m-grid, so pooling layers see the same grid as on the whole image, and every kept
/// pixel's receptive field lies inside its window: the tiled output equals the whole-image output up to float
/// rounding. Inference runs without autograd and in eval mode (batch norm uses running statistics); the training
/// schemes' input dropout and masking never run here.
/// </remarks>
public sealed class Restorer : IDenoiser
{
    private readonly Lock _lock = new();

    /// <exception cref="ArgumentNullException">model or normalization is null.</exception>
    public Restorer(BuiltModel model, NormalizationOptions normalization, RestorerOptions? options = null, string name = "model")
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Normalization = normalization ?? throw new ArgumentNullException(nameof(normalization));
        Options = options ?? new RestorerOptions();
        Options.Validate();
        Name = name;
    }

    public BuiltModel Model { get; }

    public NormalizationOptions Normalization { get; }

    public RestorerOptions Options { get; }

    public string Name { get; }

    /// <summary>The model card this restorer was loaded from (null when built directly).</summary>
    public ModelCard? Card { get; private init; }

    public string Description => $"model:{Name} ({Model.Spec}, normalization {Normalization})";

    /// <summary>Loads <c>model.json</c> and <c>model.safetensors</c> from a model folder.</summary>
    /// <exception cref="InvalidInputException">The folder lacks the files, or the weights do not fit the architecture.</exception>
    public static Restorer Load(string directory, RestorerOptions? options = null)
    {
        var card = ModelCard.Load(Path.Combine(directory, ModelCard.FileName));
        var weights = Path.Combine(directory, ModelCard.WeightsFileName);
        if (!File.Exists(weights))
        {
            throw new InvalidInputException($"Model folder '{directory}' has no {ModelCard.WeightsFileName}.");
        }

        var model = ModelRegistry.Create(card.Model, 0);
        try
        {
            Checkpoint.LoadModule(weights, model.Module);
        }
        catch (Exception e) when (e is SafetensorsFormatException or Tensors.Nn.StateDictMismatchException)
        {
            throw new InvalidInputException($"'{weights}' does not hold weights for {card.Model}: {e.Message}", e);
        }

        return new Restorer(model, NormalizationOptions.Parse(card.Normalization), options, card.Name) { Card = card };
    }

    /// <inheritdoc />
    public GrayImage Denoise(GrayImage input, CancellationToken cancellationToken = default) => Denoise(input, null, cancellationToken);

    /// <summary>Restores <paramref name="input"/>, reporting tiles done.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public GrayImage Denoise(GrayImage input, IProgress<ProgressReport>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = (float[])input.Pixels.Clone();
        var parameters = Normalization.Normalize(values);
        var predicted = PredictNormalized(values, input.Width, input.Height, progress, cancellationToken);
        if (!Options.OutputNormalized)
        {
            parameters.Invert(predicted);
        }

        if (Options.Clip)
        {
            System.Numerics.Tensors.TensorPrimitives.Clamp(predicted, 0f, 1f, predicted);
        }

        var output = new GrayImage(input.Width, input.Height, predicted, input.BitDepth);
        output.CopyMetadataFrom(input);
        return output;
    }

    /// <summary>Runs the network, tiled, on an already normalised image (row-major width x height); returns its raw output.</summary>
    public float[] PredictNormalized(float[] normalized, int width, int height, IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var m = Math.Max(1, Model.SizeMultiple);
        var paddedWidth = RoundUp(width, m);
        var paddedHeight = RoundUp(height, m);
        var padded = PadBottomRight(normalized, width, height, paddedWidth, paddedHeight);
        var halo = RoundUp(Math.Max(0, Model.Halo), m);
        var tile = Math.Max(m, Options.TileSize / m * m);
        var tilesX = (paddedWidth + tile - 1) / tile;
        var tilesY = (paddedHeight + tile - 1) / tile;
        var output = new float[paddedWidth * paddedHeight];
        var module = Model.Module;
        lock (_lock)
        {
            var wasTraining = module.IsTraining;
            module.Eval();
            try
            {
                using var noGrad = Autograd.NoGrad();
                for (var ty = 0; ty < tilesY; ty++)
                {
                    for (var tx = 0; tx < tilesX; tx++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        RunTile(padded, paddedWidth, paddedHeight, output, tx * tile, ty * tile, tile, halo);
                        progress?.Report(new ProgressReport(ty * tilesX + tx + 1, tilesX * tilesY, "tiles"));
                    }
                }
            }
            finally
            {
                if (wasTraining)
                {
                    module.Train();
                }
            }
        }

        if (paddedWidth == width && paddedHeight == height)
        {
            return output;
        }

        var cropped = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            output.AsSpan(y * paddedWidth, width).CopyTo(cropped.AsSpan(y * width, width));
        }

        return cropped;
    }

    private void RunTile(float[] image, int width, int height, float[] output, int x0, int y0, int tile, int halo)
    {
        var x1 = Math.Min(x0 + tile, width);
        var y1 = Math.Min(y0 + tile, height);
        var wx0 = Math.Max(0, x0 - halo);
        var wy0 = Math.Max(0, y0 - halo);
        var wx1 = Math.Min(width, x1 + halo);
        var wy1 = Math.Min(height, y1 + halo);
        int ww = wx1 - wx0, wh = wy1 - wy0;
        using var scope = new TensorScope();
        var window = Tensor.Empty(1, 1, wh, ww);
        var data = window.Data;
        for (var y = 0; y < wh; y++)
        {
            image.AsSpan((wy0 + y) * width + wx0, ww).CopyTo(data.Slice(y * ww, ww));
        }

        var result = Model.Module.Forward(window);
        if (result.Rank != 4 || result.Dim(2) != wh || result.Dim(3) != ww)
        {
            throw new InvalidOperationException($"{Model.Spec} returned {result.ShapeString} for a {ww}x{wh} window; expected (1, 1, {wh}, {ww}).");
        }

        var values = result.Data;
        for (var y = y0; y < y1; y++)
        {
            values.Slice((y - wy0) * ww + (x0 - wx0), x1 - x0).CopyTo(output.AsSpan(y * width + x0, x1 - x0));
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    // Mirror padding without repeating the edge (numpy 'reflect'), folded again when the pad exceeds the image.
    private static float[] PadBottomRight(float[] source, int width, int height, int paddedWidth, int paddedHeight)
    {
        if (paddedWidth == width && paddedHeight == height)
        {
            return source;
        }

        var padded = new float[paddedWidth * paddedHeight];
        for (var y = 0; y < paddedHeight; y++)
        {
            var sy = Reflect(y, height);
            var row = padded.AsSpan(y * paddedWidth, paddedWidth);
            source.AsSpan(sy * width, width).CopyTo(row);
            for (var x = width; x < paddedWidth; x++)
            {
                row[x] = source[sy * width + Reflect(x, width)];
            }
        }

        return padded;
    }

    private static int Reflect(int index, int size)
    {
        if (size == 1)
        {
            return 0;
        }

        var period = 2 * (size - 1);
        index %= period;
        return index < size ? index : period - index;
    }
}
