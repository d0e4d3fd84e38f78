namespace Rom.Krylov;

/// <summary>
/// The least-squares problem min ‖β e₁ − H̄_k y‖ of GMRES, kept in triangular form by Givens rotations as each
/// Arnoldi column arrives (Saad, 2nd ed., §6.5.3, Proposition 6.9): |g_{k+1}| is the residual norm.
/// </summary>
internal sealed class HessenbergLeastSquares
{
    // Pivots below this fraction of the largest are treated as zero (a singular H̄).
    private const double SingularPivot = 1e-12;

    private readonly int _m;
    private readonly double[] _h;
    private readonly GivensRotation[] _rotations;
    private readonly double[] _g;

    /// <summary>Room for up to m columns.</summary>
    public HessenbergLeastSquares(int m)
    {
        _m = m;
        _h = new double[(m + 1) * m];
        _rotations = new GivensRotation[m];
        _g = new double[m + 1];
    }

    /// <summary>Columns stored so far (k).</summary>
    public int Columns { get; private set; }

    /// <summary>Entries h_{0..j+1, j} of the next column j, for the caller to fill.</summary>
    public Span<double> NextColumn => _h.AsSpan(Columns * (_m + 1), Columns + 2);

    /// <summary>Starts a cycle with right-hand side g (β e₁ for GMRES, GCRO-DR's V̂ᵀr) and no columns.</summary>
    public void Reset(ReadOnlySpan<double> g)
    {
        Array.Clear(_g);
        g.CopyTo(_g);
        Columns = 0;
    }

    /// <summary>
    /// Rotates the filled column into triangular form and returns |g_{j+1}|, the residual norm once the right-hand
    /// side has no entries below row j + 1 (always for β e₁).
    /// </summary>
    public double CommitColumn()
    {
        int j = Columns;
        var h = NextColumn;
        for (int i = 0; i < j; i++)
            (h[i], h[i + 1]) = _rotations[i].Apply(h[i], h[i + 1]);
        _rotations[j] = GivensRotation.Zeroing(h[j], h[j + 1], out double r);
        h[j] = r;
        h[j + 1] = 0;
        (_g[j], _g[j + 1]) = _rotations[j].Apply(_g[j], _g[j + 1]);
        Columns = j + 1;
        return Math.Abs(_g[j + 1]);
    }

    /// <summary>
    /// Solves R y = g by back substitution, leaving out trailing columns whose pivot is negligible next to the
    /// largest (H̄ singular there); returns how many entries of y were set.
    /// </summary>
    public int Solve(Span<double> y)
    {
        int k = Columns;
        double largest = 0;
        for (int i = 0; i < k; i++) largest = Math.Max(largest, Math.Abs(Pivot(i)));
        while (k > 0 && !(Math.Abs(Pivot(k - 1)) > SingularPivot * largest)) k--;
        for (int i = k - 1; i >= 0; i--)
        {
            double sum = _g[i];
            for (int j = i + 1; j < k; j++) sum -= _h[j * (_m + 1) + i] * y[j];
            y[i] = sum / Pivot(i);
        }
        return k;
    }

    private double Pivot(int i) => _h[i * (_m + 1) + i];
}
