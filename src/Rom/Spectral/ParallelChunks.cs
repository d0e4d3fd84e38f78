using System.Buffers;

namespace Rom.Spectral;

/// <summary>
/// Runs independent units of work (rows, column blocks) over one span of doubles, split among threads. Spans
/// cannot cross into worker threads, so the threaded path works on a pooled copy of the data and copies it back;
/// small jobs and single-thread plans work on the span directly.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Doubles of data below which a job stays on the calling thread.</summary>
    private const int MinDoublesPerThread = 1 << 16;

    /// <summary>Processes units [first, end) of <c>data</c> with a scratch span of the requested length.</summary>
    public delegate void UnitRange(Span<double> data, int first, int end, Span<double> work);

    /// <summary>Processes units [first, end), reading <c>source</c> and writing <c>data</c>, with a scratch span.</summary>
    public delegate void SourceUnitRange(ReadOnlySpan<double> source, Span<double> data, int first, int end, Span<double> work);

    /// <summary>Runs <paramref name="action"/> over <paramref name="units"/> units on up to <paramref name="maxThreads"/> threads.</summary>
    public static void Run(Span<double> data, int units, int workLength, int maxThreads, UnitRange action) =>
        Run([], data, units, workLength, maxThreads, (_, d, first, end, work) => action(d, first, end, work));

    /// <summary>
    /// Runs <paramref name="action"/> over <paramref name="units"/> units on up to <paramref name="maxThreads"/> threads,
    /// each reading <paramref name="source"/> (which must not overlap <paramref name="data"/>) and writing <paramref name="data"/>.
    /// </summary>
    public static void Run(ReadOnlySpan<double> source, Span<double> data, int units, int workLength, int maxThreads, SourceUnitRange action)
    {
        int threads = Math.Min(Math.Min(maxThreads, units), Math.Max(1, data.Length / MinDoublesPerThread));
        if (threads <= 1)
        {
            var work = ArrayPool<double>.Shared.Rent(Math.Max(workLength, 1));
            action(source, data, 0, units, work.AsSpan(0, workLength));
            ArrayPool<double>.Shared.Return(work);
            return;
        }
        var input = ArrayPool<double>.Shared.Rent(source.Length);
        var copy = ArrayPool<double>.Shared.Rent(data.Length);
        int inputLength = source.Length, length = data.Length;
        source.CopyTo(input);
        data.CopyTo(copy);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var work = ArrayPool<double>.Shared.Rent(Math.Max(workLength, 1));
            action(input.AsSpan(0, inputLength), copy.AsSpan(0, length), (int)((long)units * t / threads),
                (int)((long)units * (t + 1) / threads), work.AsSpan(0, workLength));
            ArrayPool<double>.Shared.Return(work);
        });
        copy.AsSpan(0, length).CopyTo(data);
        ArrayPool<double>.Shared.Return(copy);
        ArrayPool<double>.Shared.Return(input);
    }

    /// <summary>The thread count for a plan: <paramref name="requested"/> when positive, else the processor count.</summary>
    public static int Threads(int requested) => requested > 0 ? requested : Environment.ProcessorCount;
}
