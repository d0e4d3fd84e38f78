using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Rom.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.Krylov.Recycling;

/// <summary>
/// GCRO-DR(m, k): restarted GMRES that deflates a recycle space U across cycles and across a sequence of systems
/// (Parks, de Sturler, Mackey, Johnson, Maiti, SIAM J. Sci. Comput. 28, 2006, Algorithm 2), with optional right
/// preconditioning (U then spans a subspace for A M⁻¹). The object keeps U between calls to <see cref="Solve"/>.
/// </summary>
public sealed class GcroDr : IRecyclingSolver
{
    // Columns of a thin QR whose |R_ii| falls below this fraction of the largest are linearly dependent.
    private const double DependentColumn = 1e-10;

    private readonly GcroDrOptions _options;

    // The recycle space U and C = A U (orthonormal), n × RecycledDimension, column-major in the first
    // RecycledDimension · n entries of workspaces that are reused across cycles and solves; the refresh writes the
    // new U, C into the spares and swaps them in.
    private double[] _u = [];
    private double[] _c = [];
    private double[] _uSpare = [];
    private double[] _cSpare = [];

    // Length n of the vectors in U (0 before the first solve or import).
    private int _n;

    /// <summary>Creates a solver with an empty recycle space.</summary>
    public GcroDr(GcroDrOptions options) => _options = KrylovOptions.Checked(options);

    /// <summary>Number of vectors in the recycle space carried to the next solve (0 before the first).</summary>
    public int RecycledDimension { get; private set; }

    /// <summary>Forgets the recycle space, so the next solve starts like GMRES(m).</summary>
    public void Reset()
    {
        RecycledDimension = 0;
    }

    /// <summary>The columns of U (before the next solve re-orthonormalises A U against the new matrix).</summary>
    public double[][] ExportRecycleSpace()
    {
        return Enumerable.Range(0, RecycledDimension).Select(i => _u.AsSpan(i * _n, _n).ToArray()).ToArray();
    }

    /// <inheritdoc />
    public void ImportRecycleSpace(IReadOnlyList<double[]> vectors)
    {
        int n = RecycleSpaceChecks.Length(vectors);
        Reserve(vectors.Count, n, 0);
        for (int i = 0; i < vectors.Count; i++) vectors[i].CopyTo(_u, i * n);
        RecycledDimension = vectors.Count;
    }

    /// <summary>
    /// Solves A x = b, treating A as new: C = A U is recomputed (k products) and the residual projected onto C
    /// first. The history holds the least-squares residual per Arnoldi step, replaced by the recomputed residual at
    /// the end of each cycle.
    /// </summary>
    public KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null)
    {
        var run = new KrylovRun("GCRO-DR", a, b, initialGuess, _options.Stopping);
        if (run.Start(b, out double bNorm) is { } early)
            return early;
        int n = run.N, m = Math.Min(_options.Restart, n);
        int kTarget = Math.Max(0, Math.Min(_options.RecycleSize, m - 2));
        double tolerance = _options.Stopping.Threshold(bNorm);
        var x = run.X;
        var r = new double[n];
        var t = new double[n];
        // A M⁻¹ (or A): the operator whose Krylov spaces the recycle space lives in.
        var op = new PreconditionedOperator(run, preconditioner, PreconditionerSide.Right);
        var arnoldi = new ArnoldiCycle(run, op, m, reorthogonalize: false, _options.Stopping, monitor);

        run.InitialResidual(b, r);
        double beta = Vectors.Norm(r);

        // Algorithm 2, lines 2–6: for the new matrix, C = A U, thin QR C = Q R, C ← Q, U ← U R⁻¹;
        // then x ← x + U Cᵀ r, r ← r − C Cᵀ r.
        int kc = _n == n ? RecycledDimension : 0;
        Reserve(Math.Max(kc, kTarget + 1), n, kc);
        if (kc > 0)
        {
            for (int i = 0; i < kc; i++) op.Apply(_u.AsSpan(i * n, n), _c.AsSpan(i * n, n));
            kc = Orthonormalize(kc, n);
            Array.Clear(t);
            for (int i = 0; i < kc; i++)
            {
                double ci = Vectors.Dot(_c.AsSpan(i * n, n), r);
                Vectors.Axpy(ci, _u.AsSpan(i * n, n), t);
                Vectors.Axpy(-ci, _c.AsSpan(i * n, n), r);
            }
            op.Correct(t, x);
            beta = Vectors.Norm(r);
        }
        RecycledDimension = kc;
        run.History.Add(beta / bNorm);

        var cr = new double[m];
        var scale = new double[m];
        while (true)
        {
            if (run.Test(arnoldi.Iterations, beta / bNorm) is { } stop)
                return stop with { Message = $"{stop.Message}, recycling {kc} vectors" };

            // Lines 9–12 (first solve: GMRES(m), line 1, with k = 0): Arnoldi with (I − C Cᵀ) A for m − k steps,
            // Ḡ = [D B; 0 H̄] with D = diag(1/‖u_i‖), right-hand side V̂ᵀ r = [Cᵀ r; ‖r‖ e₁].
            for (int i = 0; i < kc; i++)
            {
                cr[i] = Vectors.Dot(_c.AsSpan(i * n, n), r);
                scale[i] = 1 / Vectors.Norm(_u.AsSpan(i * n, n));
            }
            if (arnoldi.Run(r, beta, _c, cr.AsSpan(0, kc), scale.AsSpan(0, kc)) is { } failed)
                return failed;

            // Lines 13–15: y minimises ‖V̂ᵀr − Ḡ y‖; x ← x + Ŵ y with Ŵ = [U D, V].
            var y = arnoldi.Solve();
            Array.Clear(t);
            for (int i = 0; i < Math.Min(kc, y.Length); i++) Vectors.Axpy(y[i] * scale[i], _u.AsSpan(i * n, n), t);
            if (y.Length > kc) arnoldi.Combine(y[kc..], t);
            op.Correct(t, x);
            double previous = beta;
            run.Residual(b, r);
            beta = Vectors.Norm(r);
            run.History[^1] = beta / bNorm;

            // Lines 16–19: refresh U, C from the k harmonic Ritz vectors of smallest magnitude.
            kc = Refresh(arnoldi.Hessenberg, kc, arnoldi.Steps, scale, arnoldi.Basis, n, kTarget);
            RecycledDimension = kc;

            if (beta / bNorm <= tolerance || !double.IsFinite(beta) || !ArnoldiCycle.Stalled(beta, previous))
                continue;
            return arnoldi.StopStalled(beta / bNorm);
        }
    }

    /// <summary>
    /// Lines 16–19 of Algorithm 2: solves Ḡᵀ Ḡ z = θ Ḡᵀ V̂ᵀ Ŵ z for the harmonic Ritz pairs and sets U = Ŵ P R⁻¹,
    /// C = V̂ Q with Ḡ P = Q R. MathNet has no generalised eigensolver, so the pencil is reduced to the standard
    /// problem Ḡ⁺ (V̂ᵀŴ) z = μ z, μ = 1/θ (Ḡ has full column rank), and the k largest |μ| are kept; a complex pair
    /// is kept whole as its real and imaginary parts, so k + 1 vectors may result. Keeps U, C when the small
    /// problem is degenerate. Returns the new recycle dimension.
    /// </summary>
    private int Refresh(double[,] gBar, int kc, int arnoldi, double[] scale, double[] v, int n, int kTarget)
    {
        int p = kc + arnoldi;
        if (p == 0 || kTarget == 0)
            return kc;
        var g = new double[p + 1, p];
        for (int i = 0; i <= p; i++)
            for (int j = 0; j < p; j++)
                g[i, j] = gBar[i, j];
        var u = _u;
        var cOld = _c;
        // Columns of V̂ = [C, V_{m−k+1}] and of Ŵ = [U D, V_{m−k}] (D applied through the coefficients).
        ReadOnlyMemory<double> VHat(int i) => i < kc ? cOld.AsMemory(i * n, n) : v.AsMemory((i - kc) * n, n);
        ReadOnlyMemory<double> WHat(int i) => i < kc ? u.AsMemory(i * n, n) : v.AsMemory((i - kc) * n, n);

        // V̂ᵀŴ = [Cᵀ Ũ, 0; V_{m−k+1}ᵀ Ũ, [I; 0]] with Ũ = U D.
        var vhatW = new double[p + 1, p];
        var vhatU = TallSkinny.InnerProducts(VHat, p + 1, i => u.AsMemory(i * n, n), kc, n);
        for (int i = 0; i <= p; i++)
            for (int j = 0; j < kc; j++)
                vhatW[i, j] = vhatU[i, j] * scale[j];
        for (int j = 0; j < arnoldi; j++) vhatW[kc + j, kc + j] = 1;

        var reduced = new SmallHouseholderQr(g).SolveLeastSquares(vhatW);
        foreach (double entry in reduced)
            if (!double.IsFinite(entry))
                return kc;
        var evd = Matrix<double>.Build.DenseOfArray(reduced).Evd();
        var mu = evd.EigenValues;
        var order = Enumerable.Range(0, p).OrderByDescending(i => mu[i].Magnitude).ThenBy(i => i).ToArray();
        var chosen = new List<int>();
        foreach (int i in order)
        {
            if (chosen.Count >= kTarget || !(mu[i].Magnitude > 0) || !double.IsFinite(mu[i].Magnitude))
                break;
            if (chosen.Contains(i))
                continue;
            chosen.Add(i);
            // MathNet's Evd stores a complex pair in adjacent columns (Re, Im), the positive imaginary part first.
            if (mu[i].Imaginary != 0)
                chosen.Add(mu[i].Imaginary > 0 ? i + 1 : i - 1);
        }
        int k = chosen.Count;
        if (k == 0)
            return kc;
        var pk = new double[p, k];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < k; j++)
                pk[i, j] = evd.EigenVectors[i, chosen[j]];

        // Ḡ P_k = Q R; U = Ŵ P_k R⁻¹ (with D folded into the rows of P_k), C = V̂ Q.
        var gp = new double[p + 1, k];
        for (int i = 0; i <= p; i++)
            for (int l = 0; l < p; l++)
            {
                double gil = g[i, l];
                if (gil != 0)
                    for (int j = 0; j < k; j++) gp[i, j] += gil * pk[l, j];
            }
        var qr = new SmallHouseholderQr(gp);
        var diagonal = Enumerable.Range(0, k).Select(i => Math.Abs(qr.R(i, i))).ToArray();
        if (!(diagonal.Min() > DependentColumn * diagonal.Max()))
            return kc;
        for (int i = 0; i < kc; i++)
            for (int j = 0; j < k; j++)
                pk[i, j] *= scale[i];
        TallSkinny.Combine(WHat, qr.DivideByR(pk), n, _uSpare);
        TallSkinny.Combine(VHat, qr.ThinQ(), n, _cSpare);
        (_u, _uSpare) = (_uSpare, _u);
        (_c, _cSpare) = (_cSpare, _c);
        return k;
    }

    // Makes the four workspaces hold at least `columns` vectors of length n, keeping the first `keep` columns of U.
    private void Reserve(int columns, int n, int keep)
    {
        _n = n;
        if (_u.Length >= columns * n && _uSpare.Length >= columns * n)
            return;
        var u = new double[columns * n];
        _u.AsSpan(0, keep * n).CopyTo(u);
        _u = u;
        _c = new double[columns * n];
        _uSpare = new double[columns * n];
        _cSpare = new double[columns * n];
    }

    /// <summary>
    /// Thin QR of C (the first k columns of the workspace) without pivoting; columns whose |R_ii| is negligible next
    /// to the largest are dropped from C and U and the factorisation redone; then C ← Q, U ← U R⁻¹. Returns the
    /// kept count.
    /// </summary>
    private int Orthonormalize(int k, int n)
    {
        var cMatrix = Matrix<double>.Build.Dense(n, k, _c.AsSpan(0, k * n).ToArray());
        var qr = cMatrix.QR(QRMethod.Thin);
        var diagonal = qr.R.Diagonal().Map(Math.Abs);
        var keep = Enumerable.Range(0, k).Where(i => diagonal[i] > DependentColumn * diagonal.Maximum()).ToArray();
        if (keep.Length == 0)
            return 0;
        if (keep.Length < k)
        {
            cMatrix = Matrix<double>.Build.DenseOfColumnVectors(keep.Select(cMatrix.Column));
            qr = cMatrix.QR(QRMethod.Thin);
        }
        qr.Q.ToColumnMajorArray().CopyTo(_c, 0);
        var old = _u;
        TallSkinny.Combine(i => old.AsMemory(keep[i] * n, n), qr.R.Inverse().ToArray(), n, _uSpare);
        (_u, _uSpare) = (_uSpare, _u);
        return keep.Length;
    }
}
