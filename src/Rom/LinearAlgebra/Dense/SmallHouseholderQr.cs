namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// Householder QR A = Q R of a small dense m × n matrix (m ≥ n, a few dozen columns) in plain sequential loops
/// (Golub and Van Loan, 4th ed., Algorithm 5.2.1) — for the projected problems of recycling Krylov methods, which
/// run every restart cycle and are too small for a general dense library's parallel paths to pay. A column that is
/// already zero below the diagonal gets no reflector; a zero R_jj is left for the caller to detect.
/// </summary>
internal sealed class SmallHouseholderQr
{
    // R on and above the diagonal; the reflectors are kept apart.
    private readonly double[,] _r;
    // Reflector j is I − 2 v vᵀ / (vᵀ v) with v = _v[j] acting on rows j..m−1; null when no reflection is needed.
    private readonly double[]?[] _v;

    /// <summary>Factorises <paramref name="a"/> (not modified).</summary>
    public SmallHouseholderQr(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        Rows = a.GetLength(0);
        Columns = a.GetLength(1);
        if (Rows < Columns)
            throw new ArgumentException($"The matrix is {Rows} × {Columns}; expected at least as many rows as columns.", nameof(a));
        _r = (double[,])a.Clone();
        _v = new double[]?[Columns];
        for (int j = 0; j < Columns; j++)
        {
            double below = 0;
            for (int i = j + 1; i < Rows; i++) below += _r[i, j] * _r[i, j];
            if (below == 0)
                continue;
            double alpha = -Math.CopySign(Math.Sqrt(below + _r[j, j] * _r[j, j]), _r[j, j]);
            var v = new double[Rows - j];
            for (int i = j; i < Rows; i++) v[i - j] = _r[i, j];
            v[0] -= alpha;
            _v[j] = v;
            Reflect(j, _r, j, Columns);
        }
    }

    /// <summary>Number of rows m.</summary>
    public int Rows { get; }

    /// <summary>Number of columns n.</summary>
    public int Columns { get; }

    /// <summary>Entry (i, j) of the n × n upper-triangular factor R.</summary>
    public double R(int i, int j) => i <= j ? _r[i, j] : 0;

    /// <summary>Returns the n × q minimiser X of ‖A X − B‖ column by column for an m × q <paramref name="b"/>.</summary>
    public double[,] SolveLeastSquares(double[,] b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.GetLength(0) != Rows)
            throw new ArgumentException($"The right-hand side has {b.GetLength(0)} rows; expected m = {Rows}.", nameof(b));
        int q = b.GetLength(1);
        var work = (double[,])b.Clone();
        for (int j = 0; j < Columns; j++) Reflect(j, work, 0, q);
        var x = new double[Columns, q];
        for (int c = 0; c < q; c++)
            for (int i = Columns - 1; i >= 0; i--)
            {
                double sum = work[i, c];
                for (int k = i + 1; k < Columns; k++) sum -= _r[i, k] * x[k, c];
                x[i, c] = sum / _r[i, i];
            }
        return x;
    }

    /// <summary>Returns the m × n factor Q with orthonormal columns (the thin QR's Q).</summary>
    public double[,] ThinQ()
    {
        var q = new double[Rows, Columns];
        for (int j = 0; j < Columns; j++) q[j, j] = 1;
        for (int j = Columns - 1; j >= 0; j--) Reflect(j, q, j, Columns);
        return q;
    }

    /// <summary>Returns M R⁻¹ for a p × n <paramref name="m"/>, by forward substitution along each row.</summary>
    public double[,] DivideByR(double[,] m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.GetLength(1) != Columns)
            throw new ArgumentException($"The matrix has {m.GetLength(1)} columns; expected n = {Columns}.", nameof(m));
        int p = m.GetLength(0);
        var x = new double[p, Columns];
        for (int row = 0; row < p; row++)
            for (int j = 0; j < Columns; j++)
            {
                double sum = m[row, j];
                for (int k = 0; k < j; k++) sum -= x[row, k] * _r[k, j];
                x[row, j] = sum / _r[j, j];
            }
        return x;
    }

    // Applies reflector j to columns from..to−1 of target (rows j..m−1).
    private void Reflect(int j, double[,] target, int from, int to)
    {
        var v = _v[j];
        if (v is null)
            return;
        double vv = 0;
        foreach (double vi in v) vv += vi * vi;
        for (int c = from; c < to; c++)
        {
            double s = 0;
            for (int i = j; i < Rows; i++) s += v[i - j] * target[i, c];
            s *= 2 / vv;
            for (int i = j; i < Rows; i++) target[i, c] -= s * v[i - j];
        }
    }
}
