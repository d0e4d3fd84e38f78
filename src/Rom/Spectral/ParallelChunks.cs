using System.Buffers;
using System.Runtime.InteropServices;

namespace Rom.Spectral;

/// <summary>
/// Runs independent units of work (rows, column blocks) over one span of doubles, split among threads. Spans
/// cannot cross into worker threads, so the threaded path works on a pooled copy of the data and copies it back;
/// small jobs and single-thread plans work on the span directly. Scratch starts on a cache line: the vector passes run
/// about a fifth slower when their 32-byte loads straddle lines.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Doubles of data below which a job stays on the calling thread.</summary>
    private const int MinDoublesPerThread = 1 << 16;

    /// <summary>Doubles per 64-byte cache line.</summary>
    private const int LineDoubles = 8;

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
            RunWithWork(source, data, 0, units, workLength, action);
            return;
        }
        var input = ArrayPool<double>.Shared.Rent(source.Length);
        var copy = ArrayPool<double>.Shared.Rent(data.Length);
        int inputLength = source.Length, length = data.Length;
        source.CopyTo(input);
        data.CopyTo(copy);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            RunWithWork(input.AsSpan(0, inputLength), copy.AsSpan(0, length), (int)((long)units * t / threads),
                (int)((long)units * (t + 1) / threads), workLength, action));
        copy.AsSpan(0, length).CopyTo(data);
        ArrayPool<double>.Shared.Return(copy);
        ArrayPool<double>.Shared.Return(input);
    }

    /// <summary>Runs units [first, end) with pooled scratch pinned for the call and started on a cache line.</summary>
    private static void RunWithWork(ReadOnlySpan<double> source, Span<double> data, int first, int end, int workLength, SourceUnitRange action)
    {
        var work = ArrayPool<double>.Shared.Rent(workLength + LineDoubles);
        var handle = GCHandle.Alloc(work, GCHandleType.Pinned);
        try
        {
            int offset = (int)(-handle.AddrOfPinnedObject() & (LineDoubles * sizeof(double) - 1)) / sizeof(double);
            action(source, data, first, end, work.AsSpan(offset, workLength));
        }
        finally
        {
            handle.Free();
            ArrayPool<double>.Shared.Return(work);
        }
    }

    /// <summary>The thread count for a plan: <paramref name="requested"/> when positive, else the processor count.</summary>
    public static int Threads(int requested) => requested > 0 ? requested : Environment.ProcessorCount;
}
