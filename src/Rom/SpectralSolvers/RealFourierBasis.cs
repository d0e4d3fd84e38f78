namespace Rom.SpectralSolvers;

/// <summary>
/// The real Fourier basis of one periodic axis of [0, 1): n slots φ_0 = 1, φ_{2k−1} = cos 2πkx, φ_{2k} = sin 2πkx for
/// k = 1 … ⌊(n−1)/2⌋ and, for even n, φ_{n−1} = cos πnx (the Nyquist cosine). The coefficients of a real function
/// are real, so the neural core's real ops act on them, and d²/dx² is diagonal: −(2πk)² on both slots of wave k.
/// Collocation points x_j = j / n.
/// </summary>
public static class RealFourierBasis
{
    /// <summary>The wave number k of every slot.</summary>
    public static int[] WaveNumbers(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return [.. Enumerable.Range(0, n).Select(s => WaveNumber(n, s))];
    }

    /// <summary>The wave number k of slot s.</summary>
    private static int WaveNumber(int n, int slot) => slot == 0 ? 0 : n % 2 == 0 && slot == n - 1 ? n / 2 : (slot + 1) / 2;

    /// <summary>φ_s(x).</summary>
    public static double Evaluate(int n, int slot, double x)
    {
        int k = WaveNumber(n, slot);
        return IsCosine(n, slot) ? Math.Cos(2 * Math.PI * k * x) : Math.Sin(2 * Math.PI * k * x);
    }

    /// <summary>Values on <paramref name="points"/> equispaced points j/points from n coefficients: S[j, s] = φ_s(j / points).</summary>
    public static double[,] Synthesis(int n, int points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        var s = new double[points, n];
        for (int j = 0; j < points; j++)
            for (int slot = 0; slot < n; slot++)
                s[j, slot] = Evaluate(n, slot, (double)j / points);
        return s;
    }

    /// <summary>Coefficients from the values at the n collocation points: the inverse of <see cref="Synthesis"/>(n, n).</summary>
    public static double[,] Analysis(int n)
    {
        var a = new double[n, n];
        for (int slot = 0; slot < n; slot++)
        {
            double weight = slot == 0 || (n % 2 == 0 && slot == n - 1) ? 1.0 / n : 2.0 / n;
            for (int j = 0; j < n; j++)
                a[slot, j] = weight * Evaluate(n, slot, (double)j / n);
        }
        return a;
    }

    /// <summary>
    /// The (to × from) matrix that truncates or zero-pads coefficients to another slot count, each basis function kept
    /// where the other basis has it (an even <paramref name="from"/>'s Nyquist cosine becomes the cosine of wave from/2).
    /// </summary>
    public static double[,] Resize(int from, int to)
    {
        var m = new double[to, from];
        int[] kFrom = WaveNumbers(from), kTo = WaveNumbers(to);
        for (int s = 0; s < from; s++)
            for (int t = 0; t < to; t++)
                if (kFrom[s] == kTo[t] && IsCosine(from, s) == IsCosine(to, t))
                    m[t, s] = 1;
        return m;
    }

    /// <summary>Trigonometric interpolation from n equispaced points to m as an m × n matrix: synthesis on m points after analysis on n.</summary>
    public static double[,] Interpolation(int n, int m) => Matrices.Product(Synthesis(n, m), Analysis(n));

    /// <summary>
    /// d/dx as an n × n matrix on coefficients: cos 2πkx → −2πk sin 2πkx, sin 2πkx → 2πk cos 2πkx. Exact for odd n; for
    /// even n the Nyquist cosine's derivative (a sine the basis lacks, zero at the collocation points) is dropped.
    /// </summary>
    public static double[,] Derivative(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var d = new double[n, n];
        for (int k = 1; 2 * k < n; k++)
        {
            double w = 2 * Math.PI * k;
            d[2 * k, 2 * k - 1] = -w;
            d[2 * k - 1, 2 * k] = w;
        }
        return d;
    }

    /// <summary>d²/dx² as the diagonal n × n matrix −(2πk)² on both slots of wave k (exact, the Nyquist cosine included).</summary>
    public static double[,] SecondDerivative(int n)
    {
        int[] waves = WaveNumbers(n);
        var d = new double[n, n];
        for (int s = 0; s < n; s++)
            d[s, s] = -Math.Pow(2 * Math.PI * waves[s], 2);
        return d;
    }

    /// <summary>The diagonal Gram matrix ∫₀¹ φ_s φ_t: 1 for the constant, ½ for every other slot.</summary>
    public static double[,] Gram(int n)
    {
        var g = new double[n, n];
        for (int s = 0; s < n; s++)
            g[s, s] = s == 0 ? 1 : 0.5;
        return g;
    }

    /// <summary>Whether slot s is a cosine (the constant counts as one).</summary>
    public static bool IsCosine(int n, int slot) => slot == 0 || slot % 2 == 1 || (n % 2 == 0 && slot == n - 1);
}
