using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra;

namespace Rom.Krylov.Recycling;

/// <summary>
/// Deflated conjugate gradients for sequences of SPD systems (Saad, Yeung, Erhel, Guyomarc'h, SIAM J. Sci.
/// Comput. 21, 2000, Algorithm 3.6) with the recycled space W refreshed after every solve by Rayleigh–Ritz on
/// [W, first ℓ search directions], keeping the k smallest Ritz values (the RCG idea of Parks et al. 2006). The
/// search directions stay A-orthogonal to W, so the eigenvalues W captures no longer slow CG down.
/// </summary>
public sealed class DeflatedCg : IRecyclingSolver
{
    private readonly DeflatedCgOptions _options;
    private double[][] _w = [];

    /// <summary>Creates a solver whose recycled space starts empty.</summary>
    public DeflatedCg(DeflatedCgOptions options) => _options = KrylovOptions.Checked(options);

    /// <summary>Dimension of the recycled space carried into the next solve.</summary>
    public int RecycledDimension => _w.Length;

    /// <summary>Forgets the recycled space.</summary>
    public void Reset() => _w = [];

    /// <summary>Copies of the Ritz vectors W deflated in the next solve.</summary>
    public double[][] ExportRecycleSpace() => _w.Select(v => (double[])v.Clone()).ToArray();

    /// <inheritdoc />
    public void ImportRecycleSpace(IReadOnlyList<double[]> vectors)
    {
        RecycleSpaceChecks.Length(vectors);
        _w = vectors.Select(v => (double[])v.Clone()).ToArray();
    }

    /// <summary>
    /// Solves A x = b for SPD A with the recycled space from earlier solves (k extra products with A to form AW),
    /// then refreshes the space. The history holds ‖r‖/‖b‖ per iteration.
    /// </summary>
    public KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null)
    {
        var run = new KrylovRun("deflated CG", a, b, initialGuess, _options.Stopping);
        if (run.Start(b, out double bNorm) is { } early)
            return early;
        int n = run.N;
        if (_w.Length > 0 && _w[0].Length != n)
            _w = [];
        var x = run.X;

        // AW and E = WᵀAW; if E is not SPD (A changed too much, or is indefinite), drop the space.
        var w = _w;
        var aw = w.Select(v => { var y = new double[n]; run.Multiply(v, y); return y; }).ToArray();
        var e = CholeskyOf(w, aw);
        if (e is null) { w = []; aw = []; }

        // x₀ ← x₀ + W E⁻¹ Wᵀ r₀, so that Wᵀ r₀ = 0; r₀ = b − A x₀.
        var r = new double[n];
        run.InitialResidual(b, r);
        if (e is not null)
        {
            var mu = Project(e, w, r);
            for (int i = 0; i < w.Length; i++)
            {
                Vectors.Axpy(mu[i], w[i], x);
                Vectors.Axpy(-mu[i], aw[i], r);
            }
        }
        var z = preconditioner is null ? r : new double[n];
        var p = new double[n];
        var ap = new double[n];
        var kept = new List<(double[] P, double[] AP)>();
        double previousRz = 0;
        for (int j = 0; ; j++)
        {
            if (run.Record(j, Vectors.Norm(r) / bNorm, monitor) is { } stop)
            {
                if (stop.Converged)
                    Refresh(w, aw, kept);
                return stop with { Message = $"{stop.Message}, recycling {w.Length} vectors" };
            }

            preconditioner?.Apply(r, z);
            double rz = Vectors.Dot(r, z);
            if (!(rz > 0))
                return run.Stop(double.IsFinite(rz) ? StopReason.IndefiniteOperator : StopReason.NonFinite, j,
                    $"rᵀM⁻¹r = {KrylovRun.Format(rz)} at iteration {j}: the preconditioner is not positive definite");

            // p_j = β p_{j−1} + z_j − W μ_j with E μ_j = (AW)ᵀ z_j: the new direction is A-orthogonal to W.
            Vectors.Xpby(z, j == 0 ? 0 : rz / previousRz, p);
            previousRz = rz;
            if (e is not null)
            {
                var mu = Project(e, aw, z);
                for (int i = 0; i < w.Length; i++)
                    Vectors.Axpy(-mu[i], w[i], p);
            }

            run.Multiply(p, ap);
            double pap = Vectors.Dot(p, ap);
            if (!(pap > 0))
                return run.Stop(double.IsFinite(pap) ? StopReason.IndefiniteOperator : StopReason.NonFinite, j,
                    $"pᵀAp = {KrylovRun.Format(pap)} at iteration {j}: the operator is not positive definite");
            double alpha = rz / pap;
            Vectors.Axpy(alpha, p, x);
            Vectors.Axpy(-alpha, ap, r);
            // The first ℓ directions carry the extreme eigencomponents CG resolves early (Saad et al. 2000, §5).
            if (kept.Count < _options.KeptDirections)
                kept.Add(((double[])p.Clone(), (double[])ap.Clone()));
        }
    }

    /// <summary>E⁻¹ Vᵀ y for V = W or AW, through the Cholesky factor of E.</summary>
    private static double[] Project(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> e, double[][] v, double[] y) =>
        e.Solve(Vector<double>.Build.Dense(v.Length, i => Vectors.Dot(v[i], y))).AsArray();

    private static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? CholeskyOf(double[][] w, double[][] aw)
    {
        if (w.Length == 0) return null;
        var e = Matrix<double>.Build.Dense(w.Length, w.Length, (i, j) => 0.5 * (Vectors.Dot(w[i], aw[j]) + Vectors.Dot(w[j], aw[i])));
        try
        {
            return e.Cholesky();
        }
        catch (ArgumentException)
        {
            return null;   // not positive definite: solve without deflation and rebuild the space
        }
    }

    /// <summary>
    /// Rayleigh–Ritz on Z = [W, kept directions]: orthonormalise Z (the same combinations applied to AZ give AQ),
    /// take the k eigenvectors of QᵀAQ with the smallest eigenvalues, W ← Q Y.
    /// </summary>
    private void Refresh(double[][] w, double[][] aw, List<(double[] P, double[] AP)> kept)
    {
        var z = w.Concat(kept.Select(k => k.P)).ToList();
        var az = aw.Concat(kept.Select(k => k.AP)).ToList();
        var q = new List<double[]>();
        var aq = new List<double[]>();
        for (int i = 0; i < z.Count; i++)
        {
            var v = (double[])z[i].Clone();
            var av = (double[])az[i].Clone();
            double original = Vectors.Norm(v);
            for (int pass = 0; pass < 2; pass++)
                for (int j = 0; j < q.Count; j++)
                {
                    double c = Vectors.Dot(q[j], v);
                    Vectors.Axpy(-c, q[j], v);
                    Vectors.Axpy(-c, aq[j], av);
                }
            double norm = Vectors.Norm(v);
            if (!(norm > 1e-10 * original)) continue;   // dependent on the vectors before it
            for (int t = 0; t < v.Length; t++) { v[t] /= norm; av[t] /= norm; }
            q.Add(v);
            aq.Add(av);
        }
        if (q.Count == 0) return;
        var h = Matrix<double>.Build.Dense(q.Count, q.Count, (i, j) => 0.5 * (Vectors.Dot(q[i], aq[j]) + Vectors.Dot(q[j], aq[i])));
        var evd = h.Evd(Symmetricity.Symmetric);
        int k = Math.Min(_options.RecycleSize, q.Count);
        var order = Enumerable.Range(0, q.Count).OrderBy(i => evd.EigenValues[i].Real).Take(k).ToArray();
        _w = order.Select(col =>
        {
            var v = new double[q[0].Length];
            for (int j = 0; j < q.Count; j++) Vectors.Axpy(evd.EigenVectors[j, col], q[j], v);
            return v;
        }).ToArray();
    }
}
