using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// MINRES for symmetric (possibly indefinite) systems A x = b with a symmetric positive definite preconditioner
/// (Paige &amp; Saunders, "Solution of sparse indefinite systems of linear equations", SIAM J. Numer. Anal. 12, 1975;
/// variable names as in their MINRES code). The history holds the recurrence residual φ̄_k/‖b‖ (in the M⁻¹-norm when
/// preconditioned); convergence is confirmed on the recomputed ‖b − A x‖/‖b‖, which replaces the last entry.
/// </summary>
/// <param name="stopping">When the solver stops.</param>
public sealed class Minres(ConvergenceTest stopping) : IterativeSolver("MINRES", stopping)
{
    /// <inheritdoc />
    private protected override ResidualNorm HistoryNorm(IPreconditioner? preconditioner) =>
        preconditioner is null ? ResidualNorm.Unpreconditioned : ResidualNorm.Natural;

    /// <inheritdoc />
    private protected override KrylovResult Iterate(KrylovRun run, ReadOnlySpan<double> b, double bNorm,
        IPreconditioner? preconditioner, IterationMonitor? monitor)
    {
        int n = run.N;
        var x = run.X;
        var history = run.History;

        var r1 = new double[n];
        var r2 = new double[n];
        var y = new double[n];
        var v = new double[n];
        var w = new double[n];
        var w1 = new double[n];
        var w2 = new double[n];

        // The reference ‖b‖ in the norm the recurrence measures: √(bᵀM⁻¹b).
        double reference = bNorm;
        if (preconditioner is not null)
        {
            preconditioner.Apply(b, y);
            double bMb = Vectors.Dot(b, y);
            if (!(bMb > 0))
                return run.Stop(double.IsNaN(bMb) ? StopReason.NonFinite : StopReason.IndefiniteOperator, 0,
                    $"bᵀM⁻¹b = {KrylovRun.Format(bMb)}: the preconditioner is not positive definite");
            reference = Math.Sqrt(bMb);
        }
        run.Reference = reference;
        double tolerance = Stopping.Threshold(bNorm);

        // y = M⁻¹ r₁ with r₁ = b − A x₀; β₁ = √(r₁ᵀ y).
        run.InitialResidual(b, r1);
        Precondition(preconditioner, r1, y);
        double beta1 = Vectors.Dot(r1, y);
        if (!double.IsFinite(beta1))
            return run.Stop(StopReason.NonFinite, 0, "the initial residual is non-finite");
        if (beta1 < 0)
            return run.Stop(StopReason.IndefiniteOperator, 0, $"r₀ᵀM⁻¹r₀ = {KrylovRun.Format(beta1)} < 0: the preconditioner is not positive definite");
        beta1 = Math.Sqrt(beta1);
        history.Add(beta1 / reference);
        if (beta1 == 0)
            return run.Stop(StopReason.Converged, 0, "the initial guess solves the system exactly");
        r1.CopyTo(r2);

        double oldb = 0, beta = beta1, dbar = 0, epsln = 0, phibar = beta1, cs = -1, sn = 0;
        double target = Stopping.Threshold(reference);
        for (int itn = 1; ; itn++)
        {
            // Lanczos step: v = y/β, y = A v − (β/β_old) r₁ − (α/β) r₂, then y = M⁻¹ r₂ for the new r₂.
            double s = 1 / beta;
            for (int i = 0; i < n; i++) v[i] = s * y[i];
            run.Multiply(v, y);
            if (itn >= 2) Vectors.Axpy(-beta / oldb, r1, y);
            double alfa = Vectors.Dot(v, y);
            Vectors.Axpy(-alfa / beta, r2, y);
            (r1, r2, y) = (r2, y, r1);
            Precondition(preconditioner, r2, y);
            oldb = beta;
            beta = Vectors.Dot(r2, y);
            if (beta < 0)
                return run.Stop(StopReason.IndefiniteOperator, itn - 1,
                    $"rᵀM⁻¹r = {KrylovRun.Format(beta)} < 0 at iteration {itn}: the preconditioner is not positive definite");
            beta = Math.Sqrt(beta);

            // Apply the previous rotation Q_{k−1}, then compute Q_k to annihilate β_{k+1}.
            double oldeps = epsln;
            double delta = cs * dbar + sn * alfa;
            double gbar = sn * dbar - cs * alfa;
            epsln = sn * beta;
            dbar = -cs * beta;
            var rotation = GivensRotation.Zeroing(gbar, beta, out double gamma);
            if (gamma == 0)
                return run.Stop(StopReason.Breakdown, itn - 1, $"the Lanczos tridiagonal matrix became singular at iteration {itn} (γ = 0)");
            (cs, sn) = (rotation.C, rotation.S);
            double phi = cs * phibar;
            phibar = sn * phibar;

            // w = (v − ε w₁ − δ w₂)/γ; x = x + φ w.
            (w1, w2, w) = (w2, w, w1);
            for (int i = 0; i < n; i++) w[i] = (v[i] - oldeps * w1[i] - delta * w2[i]) / gamma;
            Vectors.Axpy(phi, w, x);

            double relative = Math.Abs(phibar) / reference;
            history.Add(relative);
            monitor?.Invoke(itn, relative);
            if (double.IsFinite(relative) && relative <= target)
            {
                // Confirm on the true residual; if rounding (or the M⁻¹-norm) disagrees, ask the recurrence for more.
                run.Residual(b, v);
                double actual = Vectors.Norm(v) / bNorm;
                history[^1] = actual;
                if (Stopping.Check(itn, actual, bNorm, history[0], ResidualNorm.Unpreconditioned) is { Reason: StopReason.Converged } converged)
                    return run.Stop(converged, itn);
                target = relative * tolerance / actual;
            }
            if (beta == 0 && double.IsFinite(relative))
                return run.Stop(StopReason.Breakdown, itn,
                    $"the Lanczos process found an invariant subspace at iteration {itn} without solving the system (relative residual {KrylovRun.Format(history[^1])})");
            if (run.Test(itn, relative, estimate: true) is { } stop)
                return stop;
        }
    }

    private static void Precondition(IPreconditioner? preconditioner, ReadOnlySpan<double> r, Span<double> z)
    {
        if (preconditioner is null) r.CopyTo(z);
        else preconditioner.Apply(r, z);
    }
}
