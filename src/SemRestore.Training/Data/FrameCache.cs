using SemRestore.Imaging;

namespace SemRestore.Training.Data;

/// <summary>
/// A least-recently-used cache of decoded, aligned frames bounded by bytes, so a dataset larger than memory
/// streams from disk. Thread-safe; a frame bigger than the whole budget is returned but not kept.
/// </summary>
public sealed class FrameCache
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(string Key, GrayImage Image)> _order = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, GrayImage Image)>> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    /// <param name="capacityBytes">Most bytes of pixels kept (4 bytes per pixel).</param>
    /// <exception cref="ArgumentOutOfRangeException">capacityBytes is negative.</exception>
    public FrameCache(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    /// <summary>Bytes held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Number of loads so far (cache misses).</summary>
    public int Loads { get; private set; }

    /// <summary>The cached frame, or <paramref name="load"/>'s result (then cached, evicting the oldest).</summary>
    public GrayImage GetOrLoad(string key, Func<GrayImage> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Image;
            }

            // Loading under the lock keeps the byte bound strict when several threads miss at once.
            var image = load();
            Loads++;
            var size = image.PixelCount * sizeof(float);
            if (size > CapacityBytes)
            {
                return image;
            }

            while (_bytes + size > CapacityBytes && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Image.PixelCount * sizeof(float);
            }

            _entries[key] = _order.AddFirst((key, image));
            _bytes += size;
            return image;
        }
    }
}
