using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Rom.Spectral;

/// <summary>
/// The managed CPU real-to-complex FFT and its complex-to-real inverse, like NumPy's <c>rfftn</c>/<c>irfftn</c>.
/// Along the last axis an even extent n is transformed as n/2 complex numbers z_j = x_{2j} + i·x_{2j+1} and split
/// into the spectra of even and odd samples (X_k = E_k + e^{−2πik/n}·O_k); an odd extent goes through a full complex
/// transform. The leading axes are then complex transforms of the half spectrum (see <see cref="FftPlan"/>).
/// A plan is immutable and may be used from several threads at once; input and output must not overlap.
/// </summary>
public sealed class RealFftPlan : IRealFft
{
    private readonly int[] _shape;
    private readonly int _n;
    private readonly int _half;
    private readonly LineTransform _rows;
    private readonly Complex[] _rotation;   // e^{−2πik/n}, k < n/2, for even n
    private readonly AxisSweep _leading;
    private readonly int _threads;

    /// <summary>
    /// Plans transforms of <paramref name="batchCount"/> real arrays of <paramref name="shape"/> at a time on up to
    /// <paramref name="maxThreads"/> threads (zero or negative: all processors; 1: the calling thread only).
    /// </summary>
    /// <exception cref="ArgumentException">The shape is empty or has a non-positive extent, or the batch count is not positive.</exception>
    public RealFftPlan(IReadOnlyList<int> shape, int batchCount = 1, int maxThreads = 0)
    {
        _shape = FftArguments.CheckShape(shape, nameof(shape));
        FftArguments.CheckBatch(batchCount, nameof(batchCount));
        BatchCount = batchCount;
        Length = _shape.Aggregate(1, (product, extent) => product * extent);
        FftArguments.CheckShape([Length, batchCount], nameof(batchCount));
        _n = _shape[^1];
        _half = _n / 2;
        SpectrumLength = Length / _n * (_half + 1);
        _threads = ParallelChunks.Threads(maxThreads);
        bool even = _n % 2 == 0;
        _rows = LineTransform.Create(even ? _half : _n);
        _rotation = new Complex[even ? _half : 0];
        for (int k = 0; k < _rotation.Length; k++)
            _rotation[k] = Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * k / _n);
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

    private int RowWork => _n % 2 == 0 ? _rows.WorkLength(1) : 2 * _n + _rows.WorkLength(1);

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<double> input, Span<Complex> output, FftNormalization normalization = FftNormalization.Backward)
    {
        FftArguments.CheckLength(input.Length, Length * BatchCount, nameof(input));
        FftArguments.CheckLength(output.Length, SpectrumLength * BatchCount, nameof(output));
        CheckSeparate(MemoryMarshal.AsBytes(input), MemoryMarshal.AsBytes((ReadOnlySpan<Complex>)output));
        var spectrum = MemoryMarshal.Cast<Complex, double>(output);
        int stride = 2 * (_half + 1);
        for (int row = 0; row < RowCount; row++)
            input.Slice(row * _n, _n).CopyTo(spectrum.Slice(row * stride, _n));
        ParallelChunks.Run(spectrum, RowCount, RowWork, _threads, (data, first, end, work) =>
        {
            for (int row = first; row < end; row++)
                ForwardRow(MemoryMarshal.Cast<double, Complex>(data.Slice(row * stride, stride)), work);
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
        ParallelChunks.Run(spectrum, RowCount, RowWork, _threads, (data, first, end, work) =>
        {
            for (int row = first; row < end; row++)
                InverseRow(data.Slice(row * stride, stride), work);
        });
        double scale = FftArguments.Scale(normalization, forward: false, Length);
        for (int row = 0; row < RowCount; row++)
        {
            var source = spectrum.Slice(row * stride, _n);
            var target = output.Slice(row * _n, _n);
            for (int j = 0; j < _n; j++)
                target[j] = source[j] * scale;
        }
        ArrayPool<double>.Shared.Return(buffer);
    }

    /// <summary>Half spectrum of the real row stored in the first n doubles of <paramref name="row"/>.</summary>
    private void ForwardRow(Span<Complex> row, Span<double> work)
    {
        if (_n % 2 == 1)
        {
            var full = MemoryMarshal.Cast<double, Complex>(work[..(2 * _n)]);
            var real = MemoryMarshal.Cast<Complex, double>(row)[.._n];
            for (int j = _n - 1; j >= 0; j--)
                full[j] = real[j];
            _rows.Forward(work[..(2 * _n)], 1, work[(2 * _n)..]);
            full[..(_half + 1)].CopyTo(row);
            return;
        }
        _rows.Forward(MemoryMarshal.Cast<Complex, double>(row[.._half]), 1, work);
        var z0 = row[0];
        row[0] = z0.Real + z0.Imaginary;
        row[_half] = z0.Real - z0.Imaginary;
        for (int k = 1; 2 * k <= _half; k++)
        {
            // E_k = (Z_k + conj Z_{n/2−k})/2 and O_k = (Z_k − conj Z_{n/2−k})/(2i) are the even and odd spectra.
            var a = row[k];
            var b = Complex.Conjugate(row[_half - k]);
            var even = (a + b) * 0.5;
            var odd = (a - b) * new Complex(0.0, -0.5);
            row[k] = even + _rotation[k] * odd;
            if (2 * k != _half)
                row[_half - k] = Complex.Conjugate(even) + _rotation[_half - k] * Complex.Conjugate(odd);
        }
    }

    /// <summary>
    /// Real row x = Σ_k V_k e^{−2πijk/n} of the Hermitian half spectrum V held in <paramref name="row"/>, written
    /// over its first n doubles (the inverse transform of conj V).
    /// </summary>
    private void InverseRow(Span<double> row, Span<double> work)
    {
        var v = MemoryMarshal.Cast<double, Complex>(row);
        if (_n % 2 == 1)
        {
            var full = MemoryMarshal.Cast<double, Complex>(work[..(2 * _n)]);
            full[0] = v[0].Real;
            for (int k = 1; k <= _half; k++)
            {
                full[k] = v[k];
                full[_n - k] = Complex.Conjugate(v[k]);
            }
            _rows.Forward(work[..(2 * _n)], 1, work[(2 * _n)..]);
            for (int j = 0; j < _n; j++)
                row[j] = full[j].Real;
            return;
        }
        // z_j = x_{2j} + i·x_{2j+1} is the length-n/2 transform of Z_k = (V_k + V_{k+n/2}) + i·e^{−2πik/n}(V_k − V_{k+n/2}),
        // with V_{k+n/2} = conj V_{n/2−k}; the zero and Nyquist frequencies contribute their real parts only.
        double v0 = v[0].Real, vn = v[_half].Real;
        v[0] = new Complex(v0 + vn, v0 - vn);
        for (int k = 1; 2 * k <= _half; k++)
        {
            var a = v[k];
            var b = v[_half - k];
            v[k] = a + Complex.Conjugate(b) + Complex.ImaginaryOne * _rotation[k] * (a - Complex.Conjugate(b));
            if (2 * k != _half)
                v[_half - k] = b + Complex.Conjugate(a) + Complex.ImaginaryOne * _rotation[_half - k] * (b - Complex.Conjugate(a));
        }
        _rows.Forward(row[..(2 * _half)], 1, work);
    }

    private static void CheckSeparate(ReadOnlySpan<byte> input, ReadOnlySpan<byte> output)
    {
        if (input.Overlaps(output))
            throw new ArgumentException("The input and output overlap; real transforms need separate memory.", nameof(output));
    }
}
