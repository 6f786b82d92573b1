namespace SemRestore.Tensors.Kernels.Cpu;

/// <summary>Runs independent items on up to the plan's thread count, inline when the work is small.</summary>
internal static class ParallelRange
{
    private const long InlineWork = 1L << 16;

    public static void For(int count, long workPerItem, int maxDegreeOfParallelism, Action<int> body)
    {
        if (count <= 0)
        {
            return;
        }

        if (maxDegreeOfParallelism <= 1 || count == 1 || count * workPerItem < InlineWork)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, body);
    }
}
