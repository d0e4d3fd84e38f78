namespace Rom.Bench.Spectral;

/// <summary>The benchmarks behind <c>rom bench spectral</c>; another family of rows is one more entry in <see cref="Benchmarks"/>.</summary>
public static class SpectralBench
{
    /// <summary>Every benchmark family, in the order the table lists them.</summary>
    public static IReadOnlyList<ISpectralBenchmark> Benchmarks { get; } =
    [
        new FftBenchmark(),
        new KroneckerBenchmark(),
        new GemmBenchmark(),
    ];

    /// <summary>Runs every family and returns all rows; <paramref name="onRow"/> sees each row as it is measured.</summary>
    public static IReadOnlyList<SpectralBenchRow> Run(SpectralBenchOptions options, Action<SpectralBenchRow>? onRow = null)
    {
        var rows = new List<SpectralBenchRow>();
        foreach (var benchmark in Benchmarks)
            foreach (var row in benchmark.Run(options))
            {
                rows.Add(row);
                onRow?.Invoke(row);
            }
        return rows;
    }
}
