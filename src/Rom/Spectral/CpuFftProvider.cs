namespace Rom.Spectral;

/// <summary>Makes the managed CPU plans <see cref="FftPlan"/> and <see cref="RealFftPlan"/>.</summary>
/// <param name="maxThreads">Most threads one transform uses (zero or negative: all processors).</param>
public sealed class CpuFftProvider(int maxThreads = 0) : IFftProvider
{
    /// <summary>Most threads one transform uses, as passed to the plans.</summary>
    public int MaxThreads { get; } = maxThreads;

    /// <inheritdoc />
    public string Name => "cpu";

    /// <inheritdoc />
    public IComplexFft CreateComplex(IReadOnlyList<int> shape, int batchCount = 1) => new FftPlan(shape, batchCount, MaxThreads);

    /// <inheritdoc />
    public IRealFft CreateReal(IReadOnlyList<int> shape, int batchCount = 1) => new RealFftPlan(shape, batchCount, MaxThreads);
}
