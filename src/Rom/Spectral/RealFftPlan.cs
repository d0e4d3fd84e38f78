using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Rom.Spectral;

/// <summary>
/// The managed CPU real-to-complex FFT and its complex-to-real inverse, like NumPy's <c>rfftn</c>/<c>irfftn</c>.
/// Along the last axis an even extent n is transformed as n/2 complex numbers z_j = x_{2j} + i·x_{2j+1} and split
/// into the spectra of even and odd samples (X_k = E_k + e^{−2πik/n}·O_k, see <see cref="HalfSpectrum"/>); an odd
/// extent goes through a full complex transform. The leading axes are then complex transforms of the half spectrum (see <see cref="FftPlan"/>).
/// A plan is immutable and may be used from several threads at once; input and output must not overlap.
/// </summary>
public sealed class RealFftPlan : IRealFft
{
    private readonly int[] _shape;
    private readonly int _n;
    private readonly int _half;
    private readonly LineTransform _rows;
    private readonly double[] _split;       // HalfSpectrum factors of the forward rows, for even n
    private readonly double[] _merge;       // and of the inverse rows
    private readonly AxisSweep _leading;
    private readonly int _threads;

    /// <summary>
    /// Plans transforms of <paramref name="batchCount"/> real arrays of <paramref name="shape"/> at a time on up to
    /// <paramref name="maxThreads"/> threads (zero or negative: all processors; 1: the calling thread only).
    /// </summary>
    /// <exception cref="ArgumentException">The shape is empty or has a non-positive extent, or the batch count is not positive.</exception>
    public RealFftPlan(IReadOnlyList<int> shape, int batchCount = 1, int maxThreads = 0)
    {
        (_shape, Length) = FftArguments.CheckPlan(shape, batchCount);
        BatchCount = batchCount;
        _n = _shape[^1];
        _half = _n / 2;
        SpectrumLength = Length / _n * (_half + 1);
        _threads = ParallelChunks.Threads(maxThreads);
        bool even = _n % 2 == 0;
        _rows = LineTransform.Create(even ? _half : _n);
        _split = even ? HalfSpectrum.Factors(_n, -1.0) : [];
        _merge = even ? HalfSpectrum.Factors(_n, 1.0) : [];
        int[] spectrumShape = [.. _shape[..^1], _half + 1];
        _leading = new AxisSweep(spectrumShape, batchCount, _shape.Length - 1, _threads);
    }

    /// <inheritdoc />
    public IReadOnlyList<int> Shape => _shape;

    /// <inheritdoc />
    public int BatchCount { get; }

    /// <inheritdoc />
    public int Length { get; }

    /// <inheritdoc />
    public int SpectrumLength { get; }

    private int RowCount => BatchCount * (Length / _n);

    /// <summary>Scratch per row: the half-length spectrum (even n) or the full complex row (odd n), then the transform's.</summary>
    private int RowWork => (_n % 2 == 0 ? _n : 2 * _n) + _rows.WorkLength(1);

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward)
    {
        FftArguments.CheckLength(input.Length, Length * BatchCount, nameof(input));
        FftArguments.CheckLength(output.Length, SpectrumLength * BatchCount, nameof(output));
        CheckSeparate(MemoryMarshal.AsBytes(input), MemoryMarshal.AsBytes((ReadOnlySpan<Complex>)output));
        var spectrum = MemoryMarshal.Cast<Complex, double>(output);
        int stride = 2 * (_half + 1);
        ParallelChunks.Run(input, spectrum, RowCount, RowWork, _threads, (source, data, first, end, work) =>
        {
            for (int row = first; row < end; row++)
                ForwardRow(source.Slice(row * _n, _n), data.Slice(row * stride, stride), work);
        });
        _leading.Forward(spectrum);
        double scale = FftArguments.Scale(normalization, forward: true, Length);
        if (scale != 1.0)
            ComplexPairs.ScaleParts(spectrum, spectrum, scale, scale);
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<Complex> input, Span<double> output, FftNormalization normalization = FftNormalization.Backward)
    {
        FftArguments.CheckLength(input.Length, SpectrumLength * BatchCount, nameof(input));
        FftArguments.CheckLength(output.Length, Length * BatchCount, nameof(output));
        CheckSeparate(MemoryMarshal.AsBytes(input), MemoryMarshal.AsBytes((ReadOnlySpan<double>)output));
        int stride = 2 * (_half + 1), total = stride * RowCount;
        var buffer = ArrayPool<double>.Shared.Rent(total);
        var spectrum = buffer.AsSpan(0, total);
        // The inverse is the forward transform of the conjugate: conjugate, transform the leading axes, then the rows.
        ComplexPairs.ScaleParts(MemoryMarshal.Cast<Complex, double>(input), spectrum, 1.0, -1.0);
        _leading.Forward(spectrum);
        double scale = FftArguments.Scale(normalization, forward: false, Length);
        ParallelChunks.Run(spectrum, output, RowCount, RowWork, _threads, (source, data, first, end, work) =>
        {
            for (int row = first; row < end; row++)
                InverseRow(source.Slice(row * stride, stride), data.Slice(row * _n, _n), scale, work);
        });
        ArrayPool<double>.Shared.Return(buffer);
    }

    /// <summary>Half spectrum (n/2 + 1 complex numbers, interleaved) of the real row <paramref name="x"/>.</summary>
    private void ForwardRow(ReadOnlySpan<double> x, Span<double> spectrum, Span<double> work)
    {
        if (_n % 2 == 1)
        {
            var full = MemoryMarshal.Cast<double, Complex>(work[..(2 * _n)]);
            for (int j = 0; j < _n; j++)
                full[j] = x[j];
            _rows.Forward(work[..(2 * _n)], 1, work[(2 * _n)..]);
            MemoryMarshal.Cast<Complex, double>(full[..(_half + 1)]).CopyTo(spectrum);
            return;
        }
        // The passes run in the scratch (which starts on a cache line; rows of the spectrum need not), the split
        // writes the spectrum.
        var z = work[.._n];
        _rows.Forward(x, z, 1, work[_n..]);
        spectrum[0] = z[0] + z[1];
        spectrum[1] = 0.0;
        spectrum[_n] = z[0] - z[1];
        spectrum[_n + 1] = 0.0;
        HalfSpectrum.Combine(z, spectrum, _half, _split, 1.0);
    }

    /// <summary>
    /// Real row x = <paramref name="scale"/>·Σ_k V_k e^{−2πijk/n} of the Hermitian half spectrum V held in
    /// <paramref name="v"/> (the inverse transform of conj V).
    /// </summary>
    private void InverseRow(ReadOnlySpan<double> v, Span<double> x, double scale, Span<double> work)
    {
        if (_n % 2 == 1)
        {
            var half = MemoryMarshal.Cast<double, Complex>(v);
            var full = MemoryMarshal.Cast<double, Complex>(work[..(2 * _n)]);
            full[0] = half[0].Real;
            for (int k = 1; k <= _half; k++)
            {
                full[k] = half[k];
                full[_n - k] = Complex.Conjugate(half[k]);
            }
            _rows.Forward(work[..(2 * _n)], 1, work[(2 * _n)..]);
            for (int j = 0; j < _n; j++)
                x[j] = full[j].Real * scale;
            return;
        }
        // z_j = x_{2j} + i·x_{2j+1} is the length-n/2 transform of Z_k = (V_k + V_{k+n/2}) + i·e^{−2πik/n}(V_k − V_{k+n/2}),
        // with V_{k+n/2} = conj V_{n/2−k}; the zero and Nyquist frequencies contribute their real parts only.
        // The merge gives ½Z, so scaling it by 2·scale scales the row.
        var merged = work[.._n];
        merged[0] = scale * (v[0] + v[_n]);
        merged[1] = scale * (v[0] - v[_n]);
        HalfSpectrum.Combine(v, merged, _half, _merge, 2.0 * scale);
        _rows.Forward(merged, x, 1, work[_n..]);
    }

    private static void CheckSeparate(ReadOnlySpan<byte> input, ReadOnlySpan<byte> output)
    {
        if (input.Overlaps(output))
            throw new ArgumentException("The input and output overlap; real transforms need separate memory.", nameof(output));
    }
}
