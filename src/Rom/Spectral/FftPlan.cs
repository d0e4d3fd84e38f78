using System.Numerics;
using System.Runtime.InteropServices;

namespace Rom.Spectral;

/// <summary>
/// The managed CPU complex FFT of any rank and any extents: mixed-radix (4, 2, 3, 5) Stockham passes vectorised
/// with AVX/FMA, Bluestein's algorithm for extents with larger prime factors, applied axis by axis and spread over
/// threads by rows and column blocks. Twiddles are computed once, in the constructor; a plan is immutable and
/// may be used from several threads at once. The inverse is computed as conj(forward(conj(x))).
/// Input and output may be the same span (in place).
/// </summary>
public sealed class FftPlan : IComplexFft
{
    private readonly int[] _shape;
    private readonly AxisSweep _sweep;

    /// <summary>
    /// Plans transforms of <paramref name="batchCount"/> arrays of <paramref name="shape"/> at a time on up to
    /// <paramref name="maxThreads"/> threads (zero or negative: all processors; 1: the calling thread only).
    /// </summary>
    /// <exception cref="ArgumentException">The shape is empty or has a non-positive extent, or the batch count is not positive.</exception>
    public FftPlan(IReadOnlyList<int> shape, int batchCount = 1, int maxThreads = 0)
    {
        (_shape, Length) = FftArguments.CheckPlan(shape, batchCount);
        BatchCount = batchCount;
        MaxThreads = ParallelChunks.Threads(maxThreads);
        _sweep = new AxisSweep(_shape, batchCount, _shape.Length, MaxThreads);
    }

    /// <inheritdoc />
    public IReadOnlyList<int> Shape => _shape;

    /// <inheritdoc />
    public int BatchCount { get; }

    /// <inheritdoc />
    public int Length { get; }

    /// <summary>Most threads one call uses.</summary>
    public int MaxThreads { get; }

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<Complex> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward) =>
        Transform(input, output, normalization, forward: true);

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<Complex> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward) =>
        Transform(input, output, normalization, forward: false);

    private void Transform(ReadOnlySpan<Complex> input, Span<Complex> output, FftNormalization normalization, bool forward)
    {
        FftArguments.CheckLength(input.Length, Length * BatchCount, nameof(input));
        FftArguments.CheckLength(output.Length, Length * BatchCount, nameof(output));
        FftArguments.CheckNoPartialOverlap(input, output, nameof(output));
        double scale = FftArguments.Scale(normalization, forward, Length);
        var source = MemoryMarshal.Cast<Complex, double>(input);
        var data = MemoryMarshal.Cast<Complex, double>(output);
        double sign = forward ? 1.0 : -1.0;
        if (forward && !FftArguments.SameMemory(input, output))
            _sweep.Forward(source, data);
        else
        {
            if (!forward)
                ComplexPairs.ScaleParts(source, data, 1.0, sign);
            _sweep.Forward(data);
        }
        if (!forward || scale != 1.0)
            ComplexPairs.ScaleParts(data, data, scale, sign * scale);
    }
}
