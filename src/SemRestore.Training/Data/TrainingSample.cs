namespace SemRestore.Training.Data;

/// <summary>
/// One square training patch: network input, target and per-pixel loss weight (1 everywhere unless the scheme
/// masks, as Noise2Void does), all row-major <see cref="Size"/> x <see cref="Size"/>.
/// </summary>
public sealed class TrainingSample
{
    /// <exception cref="ArgumentOutOfRangeException">size is not positive.</exception>
    public TrainingSample(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        Input = new float[size * size];
        Target = new float[size * size];
        Mask = new float[size * size];
        Array.Fill(Mask, 1f);
    }

    public int Size { get; }

    public float[] Input { get; }

    public float[] Target { get; }

    /// <summary>Loss weight per pixel (0 or 1).</summary>
    public float[] Mask { get; }

    /// <summary>Index of the scene the patch came from (-1 when synthetic).</summary>
    public int SceneIndex { get; set; } = -1;
}
