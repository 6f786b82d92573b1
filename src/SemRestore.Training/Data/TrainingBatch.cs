namespace SemRestore.Training.Data;

/// <summary>
/// A batch in NCHW layout with C = 1: <see cref="Input"/>, <see cref="Target"/> and <see cref="Mask"/> each hold
/// Count * Height * Width floats, sample n at offset n * Height * Width.
/// </summary>
public sealed class TrainingBatch
{
    public TrainingBatch(int count, int height, int width, bool masked)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Count = count;
        Height = height;
        Width = width;
        IsMasked = masked;
        Input = new float[count * height * width];
        Target = new float[count * height * width];
        Mask = new float[count * height * width];
    }

    public int Count { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Whether the loss must use <see cref="Mask"/> (Noise2Void); otherwise the mask is all ones.</summary>
    public bool IsMasked { get; }

    public float[] Input { get; }

    public float[] Target { get; }

    public float[] Mask { get; }

    /// <summary>The NCHW shape [Count, 1, Height, Width].</summary>
    public int[] Shape => [Count, 1, Height, Width];

    /// <summary>Copies <paramref name="sample"/> into slot <paramref name="index"/>.</summary>
    public void Set(int index, TrainingSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Size != Height || sample.Size != Width)
        {
            throw new ArgumentException($"Sample is {sample.Size}x{sample.Size}, the batch holds {Width}x{Height}.", nameof(sample));
        }

        var plane = Height * Width;
        sample.Input.CopyTo(Input.AsSpan(index * plane, plane));
        sample.Target.CopyTo(Target.AsSpan(index * plane, plane));
        sample.Mask.CopyTo(Mask.AsSpan(index * plane, plane));
    }
}
