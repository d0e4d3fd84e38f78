namespace Rom.Bench;

/// <summary>How the benchmarks time one repeated call: warm-up calls first, then the median of timed ones.</summary>
public static class StepTimer
{
    /// <summary>
    /// Runs <paramref name="step"/> at least <paramref name="warmup"/> times and for at least
    /// <paramref name="warmupSeconds"/> untimed, then <paramref name="repeats"/> times timed; returns the median seconds.
    /// </summary>
    public static double Median(Action step, int warmup, double warmupSeconds, int repeats)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        long begin = Stopwatch.GetTimestamp();
        for (int calls = 0; calls < warmup || Stopwatch.GetElapsedTime(begin).TotalSeconds < warmupSeconds; calls++)
            step();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            step();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Array.Sort(times);
        return repeats % 2 == 1 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
    }
}
