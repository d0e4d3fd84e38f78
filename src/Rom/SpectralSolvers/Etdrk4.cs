using System.Numerics;

namespace Rom.SpectralSolvers;

/// <summary>
/// Exponential time differencing of fourth order (ETDRK4, S. M. Cox &amp; P. C. Matthews, J. Comput. Phys. 176, 2002) for
/// v' = L v + N(v) with L diagonal: the stiff linear part is integrated exactly, the coefficients come from the contour
/// integral of A.-K. Kassam &amp; L. N. Trefethen (SIAM J. Sci. Comput. 26, 2005), which stays accurate where hL is small.
/// <code>
///   a = E₂ v + Q N(v)                 b = E₂ v + Q N(a)
///   c = E₂ a + Q (2N(b) − N(v))        v ← E v + f₁ N(v) + 2 f₂ (N(a) + N(b)) + f₃ N(c)
/// </code>
/// One instance holds the coefficients of one step size and the scratch of one state; it is not thread-safe.
/// </summary>
public sealed class Etdrk4
{
    private readonly double[] _e, _e2, _q, _f1, _f2, _f3;
    private readonly Complex[] _nv, _na, _nb, _nc, _a, _b, _c;

    /// <summary>The scheme for the diagonal <paramref name="linear"/> (one entry per mode, real) and step <paramref name="h"/>.</summary>
    /// <exception cref="ArgumentException">No modes, a non-finite entry, or a step that is not positive and finite.</exception>
    public Etdrk4(IReadOnlyList<double> linear, double h)
    {
        ArgumentNullException.ThrowIfNull(linear);
        if (linear.Count == 0 || linear.Any(l => !double.IsFinite(l)))
            throw new ArgumentException("the linear operator needs at least one mode, every entry finite.", nameof(linear));
        if (!(h > 0) || !double.IsFinite(h))
            throw new ArgumentException($"the step {h} must be positive and finite.", nameof(h));
        int m = linear.Count;
        (_e, _e2, _q, _f1, _f2, _f3) = (new double[m], new double[m], new double[m], new double[m], new double[m], new double[m]);
        (_nv, _na, _nb, _nc, _a, _b, _c) = (new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m], new Complex[m]);
        const int contour = 32;
        for (int k = 0; k < m; k++)
        {
            double l = linear[k];
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

    /// <summary>
    /// The steps between two snapshots of a solver taking <paramref name="steps"/> steps from <paramref name="initial"/>
    /// and recording <paramref name="snapshots"/> equispaced times, the first at the start and the last at the end.
    /// </summary>
    /// <exception cref="ArgumentException">Initial values that are not finite, fewer than 2 snapshots, or steps that are not a multiple of snapshots − 1.</exception>
    internal static int SnapshotInterval(ReadOnlySpan<double> initial, int steps, int snapshots)
    {
        for (int j = 0; j < initial.Length; j++)
            if (!double.IsFinite(initial[j]))
                throw new ArgumentException($"initial value {j} is {initial[j]}.", nameof(initial));
        if (snapshots < 2 || steps % (snapshots - 1) != 0)
            throw new ArgumentException($"snapshots {snapshots} must be at least 2 with the {steps} steps a multiple of snapshots − 1.", nameof(snapshots));
        return steps / (snapshots - 1);
    }

    /// <summary>Modes of the state.</summary>
    public int Modes => _e.Length;

    /// <summary>Advances <paramref name="v"/> by one step; <paramref name="nonlinear"/>(state, result) writes N(state).</summary>
    public void Step(Complex[] v, Action<Complex[], Complex[]> nonlinear)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(nonlinear);
        if (v.Length != Modes)
            throw new ArgumentException($"the state has {v.Length} modes; the scheme has {Modes}.", nameof(v));
        nonlinear(v, _nv);
        for (int k = 0; k < v.Length; k++)
            _a[k] = _e2[k] * v[k] + _q[k] * _nv[k];
        nonlinear(_a, _na);
        for (int k = 0; k < v.Length; k++)
            _b[k] = _e2[k] * v[k] + _q[k] * _na[k];
        nonlinear(_b, _nb);
        for (int k = 0; k < v.Length; k++)
            _c[k] = _e2[k] * _a[k] + _q[k] * (2 * _nb[k] - _nv[k]);
        nonlinear(_c, _nc);
        for (int k = 0; k < v.Length; k++)
            v[k] = _e[k] * v[k] + _f1[k] * _nv[k] + 2 * _f2[k] * (_na[k] + _nb[k]) + _f3[k] * _nc[k];
    }
}
