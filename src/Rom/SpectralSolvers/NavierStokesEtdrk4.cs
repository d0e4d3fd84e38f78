using System.Numerics;
using Rom.Spectral;

namespace Rom.SpectralSolvers;

/// <summary>
/// The classical solver of the 2-D vorticity equation w_t + v·∇w = ν Δw + f on the periodic unit square, v = (ψ_y, −ψ_x)
/// with −Δψ = w: Fourier pseudo-spectral on an n × n grid (the product v·∇w on the grid, the 2/3 rule on both axes),
/// <see cref="Etdrk4"/> in time, the viscous term integrated exactly. Time runs over [0, T] in equal steps.
/// </summary>
public sealed class NavierStokesEtdrk4
{
    private readonly RealFftPlan _fft;
    private readonly int _n, _half;
    private readonly double[] _linear, _kx, _ky, _inverseLaplacian;
    private readonly bool[] _kept;
    private readonly Complex[] _forcing;

    /// <summary>
    /// A solver with viscosity ν on <paramref name="points"/>² grid points taking <paramref name="steps"/> steps over
    /// [0, <paramref name="endTime"/>], with the forcing's grid values (row-major [x][y]) or none.
    /// </summary>
    /// <exception cref="ArgumentException">ν or T not positive, fewer than 4 points or an odd count, fewer than 1 step, or forcing of another size or not finite.</exception>
    public NavierStokesEtdrk4(double viscosity, double endTime, int points, int steps, double[]? forcing = null)
    {
        if (!(viscosity > 0) || !double.IsFinite(viscosity))
            throw new ArgumentOutOfRangeException(nameof(viscosity), viscosity, "The viscosity ν must be positive and finite.");
        if (!(endTime > 0) || !double.IsFinite(endTime))
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "The end time T must be positive and finite.");
        if (points < 4 || points % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(points), points, "The grid needs an even number of at least 4 points per axis.");
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (forcing is not null && (forcing.Length != points * points || forcing.Any(f => !double.IsFinite(f))))
            throw new ArgumentException($"forcing must hold {points}² finite values.", nameof(forcing));
        (Viscosity, EndTime, Points, Steps) = (viscosity, endTime, points, steps);
        (_n, _half) = (points, points / 2 + 1);
        _fft = new RealFftPlan([points, points]);
        int m = _n * _half;
        (_linear, _kx, _ky, _inverseLaplacian, _kept) = (new double[m], new double[m], new double[m], new double[m], new bool[m]);
        for (int i = 0; i < _n; i++)
            for (int j = 0; j < _half; j++)
            {
                int index = i * _half + j, wx = i <= _n / 2 ? i : i - _n;
                double kx = 2 * Math.PI * wx, ky = 2 * Math.PI * j, k2 = kx * kx + ky * ky;
                _linear[index] = -viscosity * k2;
                // Odd derivatives of the Nyquist wave are zero (the real interpolant has no sine there).
                _kx[index] = 2 * Math.Abs(wx) == _n ? 0 : kx;
                _ky[index] = 2 * j == _n ? 0 : ky;
                _inverseLaplacian[index] = k2 == 0 ? 0 : 1 / k2;
                _kept[index] = 3 * Math.Abs(wx) <= _n && 3 * j <= _n;
            }
        _forcing = new Complex[m];
        if (forcing is not null)
            _fft.Forward(forcing, _forcing);
    }

    /// <summary>ν.</summary>
    public double Viscosity { get; }

    /// <summary>T.</summary>
    public double EndTime { get; }

    /// <summary>Grid points per axis, x_j = j / Points.</summary>
    public int Points { get; }

    /// <summary>Time steps over [0, T].</summary>
    public int Steps { get; }

    /// <summary>
    /// w at the <paramref name="snapshots"/> times t_i = T i / (snapshots − 1), each a row-major [x][y] grid, from the
    /// initial vorticity on the grid.
    /// </summary>
    /// <exception cref="ArgumentException">Initial values of another size or not finite, fewer than 2 snapshots, or steps that are not a multiple of snapshots − 1.</exception>
    /// <exception cref="ArithmeticException">The solution stops being finite (naming the time).</exception>
    public double[][] Solve(ReadOnlySpan<double> initial, int snapshots)
    {
        if (initial.Length != _n * _n)
            throw new ArgumentException($"initial has {initial.Length} values; the grid has {_n}² points.", nameof(initial));
        int every = Etdrk4.SnapshotInterval(initial, Steps, snapshots);
        var result = new double[snapshots][];
        result[0] = initial.ToArray();
        var v = new Complex[_n * _half];
        _fft.Forward(initial, v);
        var scheme = new Etdrk4(_linear, EndTime / Steps);
        var scratch = new Scratch(_n * _n, _n * _half);
        for (int step = 1; step <= Steps; step++)
        {
            scheme.Step(v, (state, n) => Nonlinear(state, n, scratch));
            if (step % every == 0)
            {
                var w = new double[_n * _n];
                _fft.Inverse(v, w);
                if (w.Any(x => !double.IsFinite(x)))
                    throw new ArithmeticException($"the vorticity is not finite at t = {EndTime * step / Steps}; take more steps.");
                result[step / every] = w;
            }
        }
        return result;
    }

    private sealed class Scratch(int values, int modes)
    {
        public readonly double[] Vx = new double[values], Vy = new double[values], Wx = new double[values], Wy = new double[values];
        public readonly Complex[] Spectrum = new Complex[modes];
    }

    /// <summary>f̂ − FFT(v·∇w), modes outside the 2/3 square removed.</summary>
    private void Nonlinear(Complex[] w, Complex[] result, Scratch s)
    {
        var i = Complex.ImaginaryOne;
        Derivative(w, k => i * _ky[k] * _inverseLaplacian[k], s.Vx, s.Spectrum);
        Derivative(w, k => -i * _kx[k] * _inverseLaplacian[k], s.Vy, s.Spectrum);
        Derivative(w, k => i * _kx[k], s.Wx, s.Spectrum);
        Derivative(w, k => i * _ky[k], s.Wy, s.Spectrum);
        for (int j = 0; j < s.Vx.Length; j++)
            s.Vx[j] = s.Vx[j] * s.Wx[j] + s.Vy[j] * s.Wy[j];
        _fft.Forward(s.Vx, result);
        for (int k = 0; k < result.Length; k++)
            result[k] = _kept[k] ? _forcing[k] - result[k] : 0;
    }

    private void Derivative(Complex[] w, Func<int, Complex> multiplier, double[] values, Complex[] spectrum)
    {
        for (int k = 0; k < w.Length; k++)
            spectrum[k] = w[k] * multiplier(k);
        _fft.Inverse(spectrum, values);
    }
}
