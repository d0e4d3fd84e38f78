using System.Numerics;
using Rom.Spectral;

namespace Rom.SpectralSolvers;

/// <summary>
/// The classical solver of u_t = ν u_xx + ρ u(1 − u) on the periodic [0, 1): Fourier pseudo-spectral in x on
/// <see cref="Points"/> equispaced points, the reaction evaluated on the grid with the 2/3 dealiasing rule (the 3/2
/// rule's truncation), and exponential time differencing of fourth order in t (ETDRK4, S. M. Cox &amp; P. C. Matthews,
/// J. Comput. Phys. 176, 2002), its coefficients by the contour integral of A.-K. Kassam &amp; L. N. Trefethen, SIAM J.
/// Sci. Comput. 26, 2005, which stays accurate where hL is small. The stiff diffusion is integrated exactly.
/// <code>
///   a = E₂ v + Q N(v)                 b = E₂ v + Q N(a)
///   c = E₂ a + Q (2N(b) − N(v))        v ← E v + f₁ N(v) + 2 f₂ (N(a) + N(b)) + f₃ N(c)
/// </code>
/// </summary>
public sealed class ReactionDiffusionEtdrk4
{
    private readonly RealFftPlan _fft;
    private readonly double[] _e, _e2, _q, _f1, _f2, _f3;
    private readonly int _kept;

    /// <summary>A solver on <paramref name="points"/> grid points taking <paramref name="steps"/> equal steps over [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">ν not positive, ρ not finite, fewer than 4 points or an odd count, fewer than 1 step.</exception>
    public ReactionDiffusionEtdrk4(double diffusion, double reaction, int points, int steps)
    {
        if (!(diffusion > 0) || !double.IsFinite(diffusion))
            throw new ArgumentOutOfRangeException(nameof(diffusion), diffusion, "The diffusion coefficient ν must be positive and finite.");
        if (!double.IsFinite(reaction))
            throw new ArgumentOutOfRangeException(nameof(reaction), reaction, "The reaction coefficient ρ must be finite.");
        if (points < 4 || points % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(points), points, "The grid needs an even number of at least 4 points.");
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        (Diffusion, Reaction, Points, Steps) = (diffusion, reaction, points, steps);
        _fft = new RealFftPlan([points]);
        int m = points / 2 + 1;
        _kept = points / 3;
        (_e, _e2, _q, _f1, _f2, _f3) = (new double[m], new double[m], new double[m], new double[m], new double[m], new double[m]);
        double h = 1.0 / steps;
        const int contour = 32;
        for (int k = 0; k < m; k++)
        {
            double l = -diffusion * Math.Pow(2 * Math.PI * k, 2);
            _e[k] = Math.Exp(h * l);
            _e2[k] = Math.Exp(h * l / 2);
            Complex q = 0, f1 = 0, f2 = 0, f3 = 0;
            for (int j = 1; j <= contour; j++)
            {
                Complex z = h * l + Complex.Exp(Complex.ImaginaryOne * Math.PI * (j - 0.5) / contour);
                Complex ez = Complex.Exp(z), z3 = z * z * z;
                q += (Complex.Exp(z / 2) - 1) / z;
                f1 += (-4 - z + ez * (4 - 3 * z + z * z)) / z3;
                f2 += (2 + z + ez * (z - 2)) / z3;
                f3 += (-4 - 3 * z - z * z + ez * (4 - z)) / z3;
            }
            _q[k] = h * q.Real / contour;
            _f1[k] = h * f1.Real / contour;
            _f2[k] = h * f2.Real / contour;
            _f3[k] = h * f3.Real / contour;
        }
    }

    /// <summary>ν.</summary>
    public double Diffusion { get; }

    /// <summary>ρ.</summary>
    public double Reaction { get; }

    /// <summary>Grid points x_j = j / Points.</summary>
    public int Points { get; }

    /// <summary>Time steps over [0, 1].</summary>
    public int Steps { get; }

    /// <summary>
    /// u at the <paramref name="snapshots"/> times t_i = i / (snapshots − 1) (rows) on the grid (columns), from the initial
    /// values <paramref name="initial"/> on the grid.
    /// </summary>
    /// <exception cref="ArgumentException">Initial values of another length or not finite, fewer than 2 snapshots, or steps that are not a multiple of snapshots − 1.</exception>
    /// <exception cref="ArithmeticException">The solution stops being finite (naming the time).</exception>
    public double[,] Solve(ReadOnlySpan<double> initial, int snapshots)
    {
        if (initial.Length != Points)
            throw new ArgumentException($"initial has {initial.Length} values; the grid has {Points} points.", nameof(initial));
        for (int j = 0; j < initial.Length; j++)
            if (!double.IsFinite(initial[j]))
                throw new ArgumentException($"initial value {j} is {initial[j]}.", nameof(initial));
        if (snapshots < 2 || Steps % (snapshots - 1) != 0)
            throw new ArgumentException($"snapshots {snapshots} must be at least 2 with the {Steps} steps a multiple of snapshots − 1.", nameof(snapshots));
        int m = Points / 2 + 1, every = Steps / (snapshots - 1);
        var result = new double[snapshots, Points];
        var v = new Complex[m];
        var (nv, na, nb, nc, a, b, c) = (new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m]);
        var values = new double[Points];
        initial.CopyTo(values);
        _fft.Forward(values, v);
        Record(result, 0, initial);
        for (int step = 1; step <= Steps; step++)
        {
            Nonlinear(v, nv, values);
            for (int k = 0; k < m; k++)
                a[k] = _e2[k] * v[k] + _q[k] * nv[k];
            Nonlinear(a, na, values);
            for (int k = 0; k < m; k++)
                b[k] = _e2[k] * v[k] + _q[k] * na[k];
            Nonlinear(b, nb, values);
            for (int k = 0; k < m; k++)
                c[k] = _e2[k] * a[k] + _q[k] * (2 * nb[k] - nv[k]);
            Nonlinear(c, nc, values);
            for (int k = 0; k < m; k++)
                v[k] = _e[k] * v[k] + _f1[k] * nv[k] + 2 * _f2[k] * (na[k] + nb[k]) + _f3[k] * nc[k];
            if (step % every == 0)
            {
                _fft.Inverse(v, values);
                for (int j = 0; j < Points; j++)
                    if (!double.IsFinite(values[j]))
                        throw new ArithmeticException($"the solution is not finite at t = {(double)step / Steps}; take more steps.");
                Record(result, step / every, values);
            }
        }
        return result;
    }

    /// <summary>The transform of ρ u(1 − u) for u with transform <paramref name="v"/>, modes above N/3 removed.</summary>
    private void Nonlinear(Complex[] v, Complex[] result, double[] values)
    {
        _fft.Inverse(v, values);
        for (int j = 0; j < values.Length; j++)
            values[j] = Reaction * values[j] * (1 - values[j]);
        _fft.Forward(values, result);
        for (int k = _kept + 1; k < result.Length; k++)
            result[k] = 0;
    }

    private static void Record(double[,] result, int row, ReadOnlySpan<double> values)
    {
        for (int j = 0; j < values.Length; j++)
            result[row, j] = values[j];
    }
}
