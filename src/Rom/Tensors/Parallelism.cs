namespace Rom.Tensors;

/// <summary>
/// Splits independent units of work (batch samples, channels, chunks of a flat array) among the cores, at most
/// <see cref="TensorThreads.Count"/>, when there is enough of it; tensors hold arrays, so the workers capture them directly.
/// </summary>
internal static class Parallelism
{
    /// <summary>Scalar operations below which a job stays on the calling thread.</summary>
    private const long SerialWork = 1 << 15;

    /// <summary>Runs <paramref name="body"/>(first, end) over [0, units) in contiguous ranges, one per core at most.</summary>
    public static void For(int units, long workPerUnit, Action<int, int> body)
    {
        int threads = (int)Math.Min(Math.Min(TensorThreads.Count, units), Math.Max(1, units * workPerUnit / SerialWork));
        if (threads <= 1)
        {
            body(0, units);
            return;
        }
        Parallel.For(0, threads, t => body((int)((long)units * t / threads), (int)((long)units * (t + 1) / threads)));
    }
}
