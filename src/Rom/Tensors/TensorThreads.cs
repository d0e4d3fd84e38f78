namespace Rom.Tensors;

/// <summary>
/// How many threads the tensor core may run at once: its GEMMs (row blocks of a large product) and its batched and
/// elementwise kernels, which together are all of Rom.Neural's forward, backward and optimiser work. The
/// default, 0, means every core (<see cref="Environment.ProcessorCount"/>); <c>rom bench neural --threads N</c> sets
/// it to match PyTorch's <c>torch.set_num_threads(N)</c>. Thread-safe: each operation reads the cap once when it
/// starts, so a change applies to the operations that start after it.
/// </summary>
public static class TensorThreads
{
    private static int _maxThreads;

    /// <summary>The cap; 0 (the default) for every core. Values above the core count act as the core count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static int MaxThreads
    {
        get => Volatile.Read(ref _maxThreads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _maxThreads, value);
        }
    }

    /// <summary>The threads an operation starting now may use: the cap, or the core count when there is none.</summary>
    public static int Count
    {
        get
        {
            int cap = MaxThreads;
            return cap > 0 ? Math.Min(cap, Environment.ProcessorCount) : Environment.ProcessorCount;
        }
    }
}
