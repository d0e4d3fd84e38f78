using System.Numerics;
using System.Runtime.InteropServices;

namespace Rom.Spectral;

/// <summary>
/// Bluestein's chirp-z algorithm (Bluestein 1970) for lengths with a prime factor above 5: with the chirp
/// w_j = exp(−πi·j²/n) and j·k = (j² + k² − (k − j)²)/2,
/// X_k = w_k · Σ_j (x_j·w_j)·conj(w_{k−j}), a circular convolution of length M ≥ 2n − 1 (a power of two)
/// computed with two Stockham FFTs of length M; the inverse FFT is conj(FFT(conj(·)))/M.
/// </summary>
internal sealed class BluesteinTransform : LineTransform
{
    private readonly int _n;
    private readonly int _m;
    private readonly StockhamTransform _convolution;
    private readonly double[] _chirp;       // w_j, j < n, interleaved
    private readonly double[] _kernel;      // FFT of conj(w) wrapped to length M, divided by M, interleaved

    public BluesteinTransform(int n)
    {
        _n = n;
        _m = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * n - 1));
        StockhamTransform.TryFactor(_m, out var radices);
        _convolution = new StockhamTransform(_m, radices);
        _chirp = new double[2 * n];
        var kernel = new double[2 * _m];
        for (int j = 0; j < n; j++)
        {
            // j² mod 2n keeps the angle exact for large j.
            double angle = -Math.PI * ((long)j * j % (2L * n)) / n;
            var (sin, cos) = Math.SinCos(angle);
            _chirp[2 * j] = cos;
            _chirp[2 * j + 1] = sin;
            kernel[2 * j] = cos;
            kernel[2 * j + 1] = -sin;
            if (j > 0)
            {
                kernel[2 * (_m - j)] = cos;
                kernel[2 * (_m - j) + 1] = -sin;
            }
        }
        _convolution.Forward(kernel, 1, new double[_convolution.WorkLength(1)]);
        for (int i = 0; i < kernel.Length; i++)
            kernel[i] /= _m;
        _kernel = kernel;
    }

    public override int Length => _n;

    public override int WorkLength(int interleaved) => 2 * _m * interleaved + _convolution.WorkLength(interleaved);

    public override void Forward(Span<double> data, int interleaved, Span<double> work)
    {
        int s = interleaved;
        var a = MemoryMarshal.Cast<double, Complex>(work[..(2 * _m * s)]);
        var scratch = work[(2 * _m * s)..];
        var x = MemoryMarshal.Cast<double, Complex>(data[..(2 * _n * s)]);
        var chirp = MemoryMarshal.Cast<double, Complex>(_chirp.AsSpan());
        var kernel = MemoryMarshal.Cast<double, Complex>(_kernel.AsSpan());
        for (int j = 0; j < _n; j++)
            for (int q = 0; q < s; q++)
                a[j * s + q] = x[j * s + q] * chirp[j];
        a[(_n * s)..].Clear();
        _convolution.Forward(work[..(2 * _m * s)], s, scratch);
        for (int k = 0; k < _m; k++)
            for (int q = 0; q < s; q++)
                a[k * s + q] = Complex.Conjugate(a[k * s + q] * kernel[k]);
        _convolution.Forward(work[..(2 * _m * s)], s, scratch);
        for (int k = 0; k < _n; k++)
            for (int q = 0; q < s; q++)
                x[k * s + q] = Complex.Conjugate(a[k * s + q]) * chirp[k];
    }
}
