using System.Numerics;

namespace Rom.Spectral;

/// <summary>
/// A planned real-to-complex transform and its complex-to-real inverse, like NumPy's <c>rfftn</c>/<c>irfftn</c>:
/// the spectrum of a real array of shape [n₁, …, n_d] has shape [n₁, …, n_d/2 + 1] (the last axis halved by
/// Hermitian symmetry). Arrays are row-major with the batch index outermost, as in <see cref="IComplexFft"/>.
/// </summary>
public interface IRealFft
{
    /// <summary>Extent of each axis of one real array.</summary>
    IReadOnlyList<int> Shape { get; }

    /// <summary>Number of arrays transformed per call.</summary>
    int BatchCount { get; }

    /// <summary>Elements of one real array: the product of <see cref="Shape"/>.</summary>
    int Length { get; }

    /// <summary>Elements of one spectrum: the product of <see cref="Shape"/> with the last extent n replaced by n/2 + 1.</summary>
    int SpectrumLength { get; }

    /// <summary>Forward transform of every real array of the batch into its half spectrum.</summary>
    void Forward(ReadOnlySpan<double> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward);

    /// <summary>
    /// Inverse transform of every half spectrum into a real array; the imaginary parts that Hermitian symmetry
    /// fixes (zero frequency, and Nyquist for even n) are ignored, as NumPy's <c>irfftn</c> does.
    /// </summary>
    void Inverse(ReadOnlySpan<Complex> input, Span<double> output, FftNormalization normalization = FftNormalization.Backward);
}
