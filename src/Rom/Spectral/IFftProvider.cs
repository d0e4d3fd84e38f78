namespace Rom.Spectral;

/// <summary>
/// Makes FFT plans on one kind of hardware: the managed CPU code in this library, or a GPU backend
/// (Rom.Gpu). Code that needs transforms takes a provider, so the same model runs on either.
/// </summary>
public interface IFftProvider
{
    /// <summary>Short name for reports, e.g. "cpu" or "gpu (Cuda, NVIDIA H100)".</summary>
    string Name { get; }

    /// <summary>A complex transform plan for arrays of <paramref name="shape"/>, <paramref name="batchCount"/> at a time.</summary>
    IComplexFft CreateComplex(IReadOnlyList<int> shape, int batchCount = 1);

    /// <summary>A real-to-complex plan for real arrays of <paramref name="shape"/>, <paramref name="batchCount"/> at a time.</summary>
    IRealFft CreateReal(IReadOnlyList<int> shape, int batchCount = 1);
}
