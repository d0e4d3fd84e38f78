using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// One restart cycle of Arnoldi's method with GMRES's least-squares problem, shared by GMRES(m) and GCRO-DR(m, k)
/// (Saad, 2nd ed., Algorithm 6.9 lines 2–11; Parks et al., SIAM J. Sci. Comput. 28, 2006, Algorithm 2 lines 9–13):
/// v₁ = r/β, then for each step w = Op v_j, projected against a fixed orthonormal C first when one is given (GCRO-DR's
/// (I − C Cᵀ) Op, whose coefficients form B), orthogonalised against V by modified Gram–Schmidt (twice when asked),
/// and the new column of H̄ rotated into triangular form, so |g_{j+1}| is the residual after every step.
/// </summary>
/// <param name="run">The solve the cycle belongs to; the vectors have its size.</param>
/// <param name="op">The (preconditioned) operator.</param>
/// <param name="m">Room for this many steps per cycle.</param>
/// <param name="reorthogonalize">Run a second modified Gram–Schmidt pass per step.</param>
/// <param name="stopping">When the cycle stops.</param>
/// <param name="monitor">Sees every step.</param>
internal sealed class ArnoldiCycle(KrylovRun run, PreconditionedOperator op, int m, bool reorthogonalize, ConvergenceTest stopping, IterationMonitor? monitor)
{
    // An Arnoldi step whose new vector keeps less than this fraction of Op v_j has found an invariant subspace.
    private const double HappyBreakdown = 1e-12;

    // A restart cycle that shrinks the true residual by less than this fraction counts as stagnation.
    private const double StagnationDecrease = 1e-10;

    private readonly double[] _w = new double[run.N];
    private readonly double[] _y = new double[m];
    private readonly double[] _g = new double[m + 1];
    private readonly HessenbergLeastSquares _leastSquares = new(m);
    private int _solved;

    /// <summary>The Arnoldi vectors V: v_i in entries [i·n, (i + 1)·n); after a breakdown the next one is zero.</summary>
    public double[] Basis { get; } = new double[(m + 1) * run.N];

    /// <summary>The columns of the cycle's least-squares matrix as they were computed, before rotation (Ḡ for GCRO-DR).</summary>
    public double[,] Hessenberg { get; } = new double[m + 1, m];

    /// <summary>Arnoldi steps over all cycles so far (one product with the operator each).</summary>
    public int Iterations { get; private set; }

    /// <summary>Arnoldi steps of the current cycle.</summary>
    public int Steps { get; private set; }

    /// <summary>True when the current cycle ended in an invariant subspace (a happy breakdown).</summary>
    public bool Invariant { get; private set; }

    /// <summary>
    /// Runs one cycle from the residual r, ‖r‖ = β: the right-hand side is [<paramref name="projections"/>; β; 0 …]
    /// and the first columns are diag(<paramref name="diagonal"/>) (GCRO-DR's Cᵀr and [D B; 0 H̄]; both empty for
    /// GMRES), the steps orthogonalise against the <paramref name="diagonal"/>.Length columns of
    /// <paramref name="c"/> before V. Steps go on until m columns, the iteration cap, an invariant subspace or an
    /// estimate within the tolerance; returns the finished result when the process became non-finite, else null.
    /// </summary>
    public KrylovResult? Run(ReadOnlySpan<double> r, double beta, ReadOnlySpan<double> c = default,
        ReadOnlySpan<double> projections = default, ReadOnlySpan<double> diagonal = default)
    {
        int n = run.N, kc = diagonal.Length;
        Array.Clear(_g);
        projections.CopyTo(_g);
        _g[kc] = beta;
        _leastSquares.Reset(_g);
        Array.Clear(Hessenberg);
        for (int i = 0; i < kc; i++)
        {
            var column = _leastSquares.NextColumn;
            column.Clear();
            column[i] = diagonal[i];
            Hessenberg[i, i] = diagonal[i];
            _leastSquares.CommitColumn();
        }
        var v = Basis;
        for (int i = 0; i < n; i++) v[i] = r[i] / beta;
        Steps = 0;
        Invariant = false;
        double tolerance = stopping.Threshold(run.Reference);
        while (_leastSquares.Columns < m && Iterations < stopping.MaxIterations)
        {
            int j = Steps;
            op.Apply(v.AsSpan(j * n, n), _w);
            double wNorm = Vectors.Norm(_w);
            var h = _leastSquares.NextColumn;
            h.Clear();
            if (kc > 0) ModifiedGramSchmidt.Orthogonalize(c, kc, _w, h[..kc], reorthogonalize);
            double hNext = ModifiedGramSchmidt.Orthogonalize(v, j + 1, _w, h.Slice(kc, j + 1), reorthogonalize);
            h[kc + j + 1] = hNext;
            for (int i = 0; i < h.Length; i++) Hessenberg[i, kc + j] = h[i];
            double estimate = _leastSquares.CommitColumn() / run.Reference;
            Steps++;
            Iterations++;
            run.History.Add(estimate);
            monitor?.Invoke(Iterations, estimate);
            if (!double.IsFinite(estimate))
                return run.Stop(StopReason.NonFinite, Iterations, $"the Arnoldi process became non-finite at iteration {Iterations}");
            var next = v.AsSpan((j + 1) * n, n);
            if (hNext <= HappyBreakdown * wNorm)
            {
                next.Clear();
                Invariant = true;
                break;
            }
            for (int i = 0; i < n; i++) next[i] = _w[i] / hNext;
            if (estimate <= tolerance)
                break;
        }
        return null;
    }

    /// <summary>
    /// The least-squares solution y of the cycle by back substitution, leaving out trailing columns whose pivot is
    /// negligible (a singular least-squares matrix); its length is the number of columns kept.
    /// </summary>
    public ReadOnlySpan<double> Solve()
    {
        _solved = _leastSquares.Solve(_y);
        return _y.AsSpan(0, _solved);
    }

    /// <summary>target ← target + Σ_i coefficients_i v_i, in order of i.</summary>
    public void Combine(ReadOnlySpan<double> coefficients, Span<double> target)
    {
        int n = run.N;
        for (int i = 0; i < coefficients.Length; i++) Vectors.Axpy(coefficients[i], Basis.AsSpan(i * n, n), target);
    }

    /// <summary>True when a restart took the true residual from <paramref name="previous"/> to <paramref name="beta"/> with no real decrease.</summary>
    public static bool Stalled(double beta, double previous) => beta > previous * (1 - StagnationDecrease);

    /// <summary>
    /// Ends a solve whose restart stalled at <paramref name="relative"/>: a breakdown when the last cycle found an
    /// invariant subspace and its least-squares matrix was singular (A is singular and b is not in its range),
    /// stagnation otherwise.
    /// </summary>
    public KrylovResult StopStalled(double relative)
    {
        bool singular = Invariant && _solved < _leastSquares.Columns;
        string why = singular
            ? "the Krylov space became invariant with a singular least-squares matrix: A is singular and b is not in its range"
            : "a restart cycle did not reduce it";
        return run.Stop(singular ? StopReason.Breakdown : StopReason.Stagnation, Iterations,
            $"stopped at {ConvergenceTest.Name(run.Norm)} {KrylovRun.Format(relative)} after {Iterations} iterations: {why}");
    }
}
