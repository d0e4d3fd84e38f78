using Rom.Spectral.Chebyshev;

namespace Rom.SpectralSolvers;

/// <summary>
/// The Chebyshev basis of one non-periodic axis of [0, 1] as dense matrices for the neural core's <c>AxisLinear</c>:
/// n slots φ_k(t) = T_k(2t − 1), collocation at the n Chebyshev–Lobatto points, exact differentiation, exact
/// multiplication by t, zero padding. The companion of <see cref="RealFourierBasis"/> for time (or a bounded axis).
/// </summary>
public static class ChebyshevBasis
{
    /// <summary>The n Chebyshev–Lobatto points of [0, 1], t_j = (1 + cos(π j / (n − 1))) / 2, descending from 1 to 0.</summary>
    public static double[] Points(int n) => [.. ChebyshevTransform.LobattoPoints(n).Select(x => (1 + x) / 2)];

    /// <summary>φ_k(t) = T_k(2t − 1) = cos(k arccos(2t − 1)) for t in [0, 1].</summary>
    public static double Evaluate(int k, double t) => Math.Cos(k * Math.Acos(Math.Clamp(2 * t - 1, -1, 1)));

    /// <summary>Values at <paramref name="points"/> from n coefficients: S[j, k] = φ_k(points[j]).</summary>
    public static double[,] Synthesis(int n, IReadOnlyList<double> points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentNullException.ThrowIfNull(points);
        var s = new double[points.Count, n];
        for (int j = 0; j < points.Count; j++)
            for (int k = 0; k < n; k++)
                s[j, k] = Evaluate(k, points[j]);
        return s;
    }

    /// <summary>
    /// Coefficients from the values at the n Lobatto points (the inverse of <see cref="Synthesis"/> at
    /// <see cref="Points"/>): a_k = (2 / (m c_k)) Σ″_j f_j cos(π j k / m), m = n − 1, c₀ = c_m = 2, the end points halved.
    /// </summary>
    public static double[,] Analysis(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        int m = n - 1;
        var a = new double[n, n];
        for (int k = 0; k <= m; k++)
            for (int j = 0; j <= m; j++)
            {
                double weight = (k == 0 || k == m ? 1.0 : 2.0) / m * (j == 0 || j == m ? 0.5 : 1.0);
                a[k, j] = weight * Math.Cos(Math.PI * ((long)j * k % (2 * m)) / m);
            }
        return a;
    }

    /// <summary>d/dt on [0, 1] as an n × n matrix on coefficients (the top coefficient of the derivative is zero).</summary>
    public static double[,] Derivative(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var d = new double[n, n];
        var unit = new double[n];
        var column = new double[n];
        for (int k = 0; k < n; k++)
        {
            unit[k] = 1;
            ChebyshevSeries.Differentiate(unit, column, scale: 2);
            for (int i = 0; i < n; i++)
                d[i, k] = column[i];
            unit[k] = 0;
        }
        return d;
    }

    /// <summary>
    /// Multiplication by t on [0, 1] as an (n + 1) × n matrix: t = (T₀ + T₁)/2 and T₁T_k = (T_{k+1} + T_{|k−1|})/2, so the
    /// product is exact one degree up.
    /// </summary>
    public static double[,] TimesT(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var m = new double[n + 1, n];
        for (int k = 0; k < n; k++)
        {
            m[k, k] += 0.5;
            m[k + 1, k] += 0.25;
            m[Math.Abs(k - 1), k] += 0.25;
        }
        return m;
    }

    /// <summary>The (to × from) matrix that truncates or zero-pads Chebyshev coefficients.</summary>
    public static double[,] Resize(int from, int to)
    {
        var m = new double[to, from];
        for (int k = 0; k < Math.Min(from, to); k++)
            m[k, k] = 1;
        return m;
    }

    /// <summary>∫₀¹ φ_i φ_j, the mass matrix (<see cref="GramMatrices.Chebyshev"/> on [0, 1]).</summary>
    public static double[,] Gram(int n) => GramMatrices.Chebyshev(n, 0, 1);
}
