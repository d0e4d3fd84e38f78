using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// Restarted GMRES(m) with modified Gram–Schmidt Arnoldi and Givens rotations (Saad, Iterative Methods for
/// Sparse Linear Systems, 2nd ed., Algorithm 6.9; left preconditioning Algorithm 9.4, right Algorithm 9.5).
/// </summary>
public sealed class Gmres : IKrylovSolver
{
    // An Arnoldi step whose new vector keeps less than this fraction of A v_j has found an invariant subspace.
    private const double HappyBreakdown = 1e-12;

    // A restart cycle that shrinks the true residual by less than this fraction counts as stagnation.
    private const double StagnationDecrease = 1e-10;

    private readonly GmresOptions _options;

    /// <summary>Creates a solver with the given settings.</summary>
    public Gmres(GmresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Solves A x = b. The history holds the Givens recurrence residual per Arnoldi step, replaced by the recomputed
    /// residual at the end of each cycle; with left preconditioning every residual is the preconditioned one,
    /// ‖M⁻¹(b − A x)‖/‖M⁻¹b‖, and the message says so.
    /// </summary>
    public KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null)
    {
        bool left = preconditioner is not null && _options.PreconditionerSide == PreconditionerSide.Left;
        var run = new KrylovRun("GMRES", a, b, initialGuess, _options.Stopping, left ? ResidualNorm.Preconditioned : ResidualNorm.Unpreconditioned);
        if (run.Start(b, out double bNorm) is { } early)
            return early;
        int n = run.N, m = Math.Min(_options.Restart, n);
        var x = run.X;
        var history = run.History;
        string what = left ? "preconditioned residual" : "residual";

        var r = new double[n];
        var w = new double[n];
        var z = new double[n];
        var v = new double[(m + 1) * n];
        var y = new double[m];
        var hessenberg = new HessenbergLeastSquares(m);

        // The reference norm: ‖b‖, or ‖M⁻¹b‖ when the residual is the preconditioned one.
        double reference = bNorm;
        if (left)
        {
            preconditioner!.Apply(b, r);
            reference = Vectors.Norm(r);
            if (!(reference > 0 && double.IsFinite(reference)))
                return run.Stop(StopReason.NonFinite, 0, $"‖M⁻¹b‖ = {KrylovRun.Format(reference)}: the preconditioner maps b to zero or non-finite values");
        }
        run.Reference = reference;
        double tolerance = _options.Stopping.Threshold(reference);

        double beta = Residual(run, b, left ? preconditioner : null, r, z, initial: true);
        history.Add(beta / reference);
        int iterations = 0;
        while (true)
        {
            if (run.Test(iterations, beta / reference) is { } stop)
                return stop;

            // One cycle: v₁ = r/β, then Arnoldi steps j = 1..m with the least-squares problem kept triangular.
            hessenberg.Reset(beta);
            var v0 = v.AsSpan(0, n);
            for (int i = 0; i < n; i++) v0[i] = r[i] / beta;
            bool invariant = false;
            while (hessenberg.Columns < m && iterations < _options.Stopping.MaxIterations)
            {
                int j = hessenberg.Columns;
                var vj = v.AsSpan(j * n, n);
                if (preconditioner is null)
                    run.Multiply(vj, w);
                else if (left)
                {
                    run.Multiply(vj, z);
                    preconditioner.Apply(z, w);
                }
                else
                {
                    preconditioner.Apply(vj, z);
                    run.Multiply(z, w);
                }
                double wNorm = Vectors.Norm(w);
                var h = hessenberg.NextColumn;
                double hNext = ModifiedGramSchmidt.Orthogonalize(v, j + 1, w, h, _options.Reorthogonalize);
                h[j + 1] = hNext;
                double estimate = hessenberg.CommitColumn() / reference;
                iterations++;
                history.Add(estimate);
                monitor?.Invoke(iterations, estimate);
                if (!double.IsFinite(estimate))
                    return run.Stop(StopReason.NonFinite, iterations, $"the Arnoldi process became non-finite at iteration {iterations}");
                if (hNext <= HappyBreakdown * wNorm)
                {
                    invariant = true;
                    break;
                }
                var next = v.AsSpan((j + 1) * n, n);
                for (int i = 0; i < n; i++) next[i] = w[i] / hNext;
                if (estimate <= tolerance)
                    break;
            }

            // x = x₀ + V_k y_k (right preconditioning: x₀ + M⁻¹ V_k y_k), with y_k from R_k y_k = g_k.
            int k = hessenberg.Solve(y);
            Array.Clear(w);
            for (int i = 0; i < k; i++) Vectors.Axpy(y[i], v.AsSpan(i * n, n), w);
            var dx = w;
            if (preconditioner is not null && !left)
            {
                preconditioner.Apply(w, z);
                dx = z;
            }
            Vectors.Axpy(1, dx, x);

            double previous = beta;
            beta = Residual(run, b, left ? preconditioner : null, r, z, initial: false);
            history[^1] = beta / reference;
            if (beta / reference <= tolerance || !double.IsFinite(beta))
                continue;
            if (beta > previous * (1 - StagnationDecrease))
            {
                if (beta > previous)
                {
                    // Never hand back an iterate worse than the cycle's start.
                    Vectors.Axpy(-1, dx, x);
                    beta = previous;
                    history[^1] = beta / reference;
                }
                bool singular = invariant && k < hessenberg.Columns;
                string why = singular
                    ? "the Krylov space became invariant with a singular Hessenberg matrix: A is singular and b is not in its range"
                    : "a restart cycle did not reduce it";
                return run.Stop(singular ? StopReason.Breakdown : StopReason.Stagnation, iterations,
                    $"stopped at {what} {KrylovRun.Format(beta / reference)} after {iterations} iterations: {why}");
            }
        }
    }

    // r = b − A x, or r = M⁻¹(b − A x) when M is given (left preconditioning; z is scratch); returns ‖r‖.
    private static double Residual(KrylovRun run, ReadOnlySpan<double> b, IPreconditioner? left, double[] r, double[] z, bool initial)
    {
        var target = left is null ? r : z;
        if (initial) run.InitialResidual(b, target);
        else run.Residual(b, target);
        left?.Apply(z, r);
        return Vectors.Norm(r);
    }
}
