namespace Rom.Bench.Neural;

/// <summary>What <c>rom bench neural</c> runs.</summary>
/// <param name="Cases">The configurations, in table order.</param>
/// <param name="Threads">Threads for both sides (Rom's <c>TensorThreads.MaxThreads</c>, PyTorch's set_num_threads).</param>
/// <param name="Quick">One warm-up call and one timed call per task instead of at least <see cref="FullWarmup"/> calls and
/// <see cref="FullWarmupSeconds"/> of warm-up and the median of <see cref="FullRepeats"/>.</param>
/// <param name="Python">The interpreter with torch (Debian's python3-torch).</param>
/// <param name="WorkFolder">Where the embedded script is written while it runs.</param>
public sealed record NeuralBenchOptions(IReadOnlyList<NeuralBenchCase> Cases, int Threads, bool Quick, string Python, string WorkFolder)
{
    /// <summary>Untimed calls before the timed ones (full run).</summary>
    public const int FullWarmup = 2;

    /// <summary>Timed calls whose median is reported (full run).</summary>
    public const int FullRepeats = 5;

    /// <summary>Least seconds of untimed calls (full run): long enough for .NET's tiered compilation to replace the hot methods.</summary>
    public const double FullWarmupSeconds = 1.0;

    /// <summary>Untimed calls per task, at least.</summary>
    public int Warmup => Quick ? 1 : FullWarmup;

    /// <summary>Seconds of untimed calls per task, at least (both sides warm up alike).</summary>
    public double WarmupSeconds => Quick ? 0 : FullWarmupSeconds;

    /// <summary>Timed calls per task.</summary>
    public int Repeats => Quick ? 1 : FullRepeats;
}
