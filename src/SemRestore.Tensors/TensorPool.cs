using System.Collections.Concurrent;

namespace SemRestore.Tensors;

/// <summary>
/// Recycles float arrays keyed by their exact length, so a training step that repeats the same shapes
/// reuses the previous step's buffers instead of allocating. Arrays that are never returned are simply
/// garbage collected; correctness never depends on the pool.
/// </summary>
/// <remarks>Thread-safe. Retained memory is capped by <see cref="MaxRetainedBytes"/>; beyond it returned
/// arrays are dropped for the GC.</remarks>
public static class TensorPool
{
    private static readonly ConcurrentDictionary<int, ConcurrentBag<float[]>> s_buckets = new();
    private static long s_retainedBytes;

    /// <summary>Upper bound on the bytes the pool keeps for reuse (default 4 GiB).</summary>
    public static long MaxRetainedBytes { get; set; } = 4L << 30;

    /// <summary>Bytes currently held by the pool (not in use by any tensor).</summary>
    public static long RetainedBytes => Interlocked.Read(ref s_retainedBytes);

    /// <summary>Rents an array of exactly <paramref name="length"/> floats; contents are arbitrary.</summary>
    public static float[] Rent(int length)
    {
        if (length == 0)
        {
            return [];
        }

        if (s_buckets.TryGetValue(length, out var bag) && bag.TryTake(out var array))
        {
            Interlocked.Add(ref s_retainedBytes, -4L * length);
            return array;
        }

        return GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>Gives an array back for reuse. The caller must not touch it afterwards.</summary>
    public static void Return(float[] array)
    {
        if (array.Length == 0)
        {
            return;
        }

        var bytes = 4L * array.Length;
        if (Interlocked.Add(ref s_retainedBytes, bytes) > MaxRetainedBytes)
        {
            Interlocked.Add(ref s_retainedBytes, -bytes);
            return;
        }

        s_buckets.GetOrAdd(array.Length, static _ => new ConcurrentBag<float[]>()).Add(array);
    }

    /// <summary>Drops every retained array (for example after inference on a huge image).</summary>
    public static void Clear()
    {
        foreach (var bag in s_buckets.Values)
        {
            while (bag.TryTake(out var array))
            {
                Interlocked.Add(ref s_retainedBytes, -4L * array.Length);
            }
        }
    }
}
