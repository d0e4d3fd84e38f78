namespace Rom.Bench.Spectral;

/// <summary>
/// Times two implementations of one task in alternating rounds, so both see the same machine load, and keeps each
/// side's best round (seconds per call): on a shared machine the minimum is the least noisy estimate. Each side first
/// runs untimed for as long as it is then timed: .NET compiles a method quickly at first and replaces the hot ones with
/// optimised code in the background (tiered compilation), which a loaded machine can delay past the first rounds.
/// </summary>
public static class SideBySideTimer
{
    private const int Rounds = 5;

    /// <summary>Best seconds per call of <paramref name="rom"/> and of <paramref name="reference"/> (null: not timed).</summary>
    public static (double Rom, double? Reference) Measure(Action rom, Action? reference, double secondsPerSide)
    {
        WarmUp(rom, secondsPerSide);
        if (reference is not null)
            WarmUp(reference, secondsPerSide);
        int romCalls = CallsFor(rom, secondsPerSide / Rounds);
        int referenceCalls = reference is null ? 0 : CallsFor(reference, secondsPerSide / Rounds);
        double bestRom = double.PositiveInfinity, bestReference = double.PositiveInfinity;
        for (int round = 0; round < Rounds; round++)
        {
            bestRom = Math.Min(bestRom, Time(rom, romCalls));
            if (reference is not null)
                bestReference = Math.Min(bestReference, Time(reference, referenceCalls));
        }
        return (bestRom, reference is null ? null : bestReference);
    }

    /// <summary>Calls <paramref name="action"/> repeatedly for about <paramref name="seconds"/>.</summary>
    private static void WarmUp(Action action, double seconds)
    {
        var watch = Stopwatch.StartNew();
        do
            action();
        while (watch.Elapsed.TotalSeconds < seconds);
    }

    /// <summary>Seconds per call over <paramref name="calls"/> calls.</summary>
    private static double Time(Action action, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
            action();
        return watch.Elapsed.TotalSeconds / calls;
    }

    /// <summary>Warms the action up and returns how many calls fill about <paramref name="seconds"/>.</summary>
    private static int CallsFor(Action action, double seconds)
    {
        action();
        double once = Time(action, 1);
        return (int)Math.Clamp(seconds / Math.Max(once, 1e-9), 1, 1_000_000);
    }
}
