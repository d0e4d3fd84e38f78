namespace Rom.Bench.Spectral;

/// <summary>A family of rows of <c>rom bench spectral</c> (FFTs, Kronecker products, GEMM, …).</summary>
public interface ISpectralBenchmark
{
    /// <summary>Short title for progress lines, e.g. "FFT vs FFTW".</summary>
    string Title { get; }

    /// <summary>Times Rom and its reference side by side and yields one row per task.</summary>
    IEnumerable<SpectralBenchRow> Run(SpectralBenchOptions options);
}

/// <summary>How <c>rom bench spectral</c> runs.</summary>
/// <param name="Quick">Tiny sizes and short timings: checks the plumbing, not the speed.</param>
public sealed record SpectralBenchOptions(bool Quick)
{
    /// <summary>Seconds spent timing each side of one row.</summary>
    public double SecondsPerSide => Quick ? 0.01 : 0.6;
}
