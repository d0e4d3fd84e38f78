namespace Rom.Bench.Spectral;

/// <summary>
/// One line of <c>rom bench spectral</c>: Rom's time for a task next to an independent reference's time for the
/// same task, measured side by side in the same run. A missing time (reference not installed) is null and the
/// note says why.
/// </summary>
/// <param name="Name">What was timed, e.g. "fft 1-D complex 65536".</param>
/// <param name="RomSeconds">Rom's seconds per call (best of several rounds).</param>
/// <param name="Reference">The reference, e.g. "FFTW 3.3.10 (FFTW_MEASURE)".</param>
/// <param name="ReferenceSeconds">The reference's seconds per call, or null when it could not run.</param>
/// <param name="Note">Threads, precision, why a reference is missing.</param>
public sealed record SpectralBenchRow(string Name, double? RomSeconds, string Reference, double? ReferenceSeconds, string Note = "")
{
    /// <summary>Rom's time ÷ the reference's (below 1: Rom is faster), or null when either is missing.</summary>
    public double? Ratio => RomSeconds is { } rom && ReferenceSeconds is { } reference && reference > 0 ? rom / reference : null;
}
