using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// BiCGSTAB for non-symmetric systems with right preconditioning (van der Vorst, "Bi-CGSTAB: a fast and smoothly
/// converging variant of Bi-CG", SIAM J. Sci. Stat. Comput. 13, 1992; Saad, 2nd ed., Algorithm 7.7). The history holds
/// the recurrence residual ‖r‖/‖b‖ per iteration (two products with A each); convergence is confirmed on the recomputed
/// residual. Vanishing ρ, (r̂₀, A p) or ω is reported as <see cref="StopReason.Breakdown"/>.
/// </summary>
/// <param name="stopping">When the solver stops.</param>
public sealed class BiCgStab(ConvergenceTest stopping) : IterativeSolver("BiCGSTAB", stopping)
{
    // An inner product whose cosine falls below ε² is treated as zero (SciPy's rhotol and omegatol are ε²).
    private const double Vanishing = 4.930380657631324e-32;

    /// <inheritdoc />
    private protected override KrylovResult Iterate(KrylovRun run, ReadOnlySpan<double> b, double bNorm,
        IPreconditioner? preconditioner, IterationMonitor? monitor)
    {
        int n = run.N;
        var x = run.X;
        var history = run.History;
        double tolerance = Stopping.Threshold(bNorm);

        var r = new double[n];
        var p = new double[n];
        var v = new double[n];
        var s = new double[n];
        var t = new double[n];
        var pHat = preconditioner is null ? p : new double[n];
        var sHat = preconditioner is null ? s : new double[n];
        run.InitialResidual(b, r);
        var rHat = (double[])r.Clone();
        double rHatNorm = Vectors.Norm(rHat);

        double rho = 1, alpha = 1, omega = 1;
        double target = tolerance;
        double relative = rHatNorm / bNorm;
        history.Add(relative);
        for (int i = 0; ; i++)
        {
            if (double.IsFinite(relative) && relative <= target)
            {
                // Confirm on the true residual; if rounding made the recurrence drift, ask it for more.
                run.Residual(b, t);
                double actual = Vectors.Norm(t) / bNorm;
                history[^1] = actual;
                if (run.Test(i, actual) is { Converged: true } converged)
                    return converged;
                target = relative * tolerance / actual;
            }
            if (run.Test(i, relative, estimate: true) is { } stop)
                return stop;

            // ρ_i = (r̂₀, r_{i−1}); β = (ρ_i/ρ_{i−1})(α/ω); p = r + β (p − ω v).
            double rhoNew = Vectors.Dot(rHat, r);
            if (Vanishes(rhoNew, rHatNorm, relative * bNorm))
                return Breakdown(run, i, $"ρ = (r̂₀, r) = {KrylovRun.Format(rhoNew)} vanished");
            double beta = rhoNew / rho * (alpha / omega);
            for (int k = 0; k < n; k++) p[k] = r[k] + beta * (p[k] - omega * v[k]);
            rho = rhoNew;

            // p̂ = M⁻¹ p; v = A p̂; α = ρ_i/(r̂₀, v); s = r − α v.
            preconditioner?.Apply(p, pHat);
            run.Multiply(pHat, v);
            double sigma = Vectors.Dot(rHat, v);
            if (Vanishes(sigma, rHatNorm, Vectors.Norm(v)))
                return Breakdown(run, i, $"(r̂₀, A p) = {KrylovRun.Format(sigma)} vanished");
            alpha = rho / sigma;
            for (int k = 0; k < n; k++) s[k] = r[k] - alpha * v[k];
            Vectors.Axpy(alpha, pHat, x);
            double sNorm = Vectors.Norm(s);
            if (sNorm / bNorm <= target)
            {
                // The half step already satisfies the tolerance: x = x + α p̂, r = s.
                s.CopyTo(r);
                relative = sNorm / bNorm;
                history.Add(relative);
                monitor?.Invoke(i + 1, relative);
                continue;
            }

            // ŝ = M⁻¹ s; t = A ŝ; ω = (t, s)/(t, t); x = x + ω ŝ; r = s − ω t.
            preconditioner?.Apply(s, sHat);
            run.Multiply(sHat, t);
            double tt = Vectors.Dot(t, t);
            double ts = Vectors.Dot(t, s);
            if (Vanishes(ts, Math.Sqrt(tt), sNorm))
            {
                s.CopyTo(r);
                history.Add(sNorm / bNorm);
                return Breakdown(run, i + 1, $"ω = (t, s)/(t, t) = {KrylovRun.Format(ts / tt)} vanished");
            }
            omega = ts / tt;
            Vectors.Axpy(omega, sHat, x);
            for (int k = 0; k < n; k++) r[k] = s[k] - omega * t[k];
            relative = Vectors.Norm(r) / bNorm;
            history.Add(relative);
            monitor?.Invoke(i + 1, relative);
        }
    }

    private static bool Vanishes(double product, double normX, double normY) =>
        Math.Abs(product) <= Vanishing * normX * normY;

    private static KrylovResult Breakdown(KrylovRun run, int iterations, string what) =>
        run.Stop(StopReason.Breakdown, iterations,
            $"breakdown at iteration {iterations + 1}: {what}; the iterate is the last one computed (relative residual {KrylovRun.Format(run.History[^1])})");
}
