namespace SemRestore.Metrics.Internal;

/// <summary>Border rules for filters that read outside the image.</summary>
internal static class BorderIndex
{
    /// <summary>
    /// scipy.ndimage's 'reflect' (half-sample symmetric, edge repeated: d c b a | a b c d | d c b a), for any
    /// offset, also more than one image width outside.
    /// </summary>
    public static int Reflect(int index, int length)
    {
        if ((uint)index < (uint)length)
        {
            return index;
        }

        var period = 2 * length;
        var m = index % period;
        if (m < 0)
        {
            m += period;
        }

        return m < length ? m : period - 1 - m;
    }
}
