using System.Numerics;

namespace Rom.Spectral;

/// <summary>
/// A planned complex-to-complex discrete Fourier transform of a fixed shape, applied to a batch of arrays.
/// Arrays are row-major (C order, last index fastest) like NumPy's; the batch index is outermost, so the input
/// holds <see cref="BatchCount"/> arrays of <see cref="Length"/> elements one after another. The forward transform
/// is X[k] = Σ_j x[j]·exp(−2πi·j·k/N) per axis, scaled as <see cref="FftNormalization"/> says.
/// Implementations may allow <c>input</c> and <c>output</c> to be the same span (in place).
/// </summary>
public interface IComplexFft
{
    /// <summary>Extent of each axis of one array, e.g. [512, 512].</summary>
    IReadOnlyList<int> Shape { get; }

    /// <summary>Number of arrays transformed per call.</summary>
    int BatchCount { get; }

    /// <summary>Elements of one array: the product of <see cref="Shape"/>.</summary>
    int Length { get; }

    /// <summary>Forward transform of every array of the batch.</summary>
    void Forward(ReadOnlySpan<Complex> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward);

    /// <summary>Inverse transform of every array of the batch (exponent sign +).</summary>
    void Inverse(ReadOnlySpan<Complex> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward);
}
