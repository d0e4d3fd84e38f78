using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// Restarted GMRES(m) (Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., Algorithm 6.9; left preconditioning
/// Algorithm 9.4, right Algorithm 9.5): cycles of m Arnoldi steps (<see cref="ArnoldiCycle"/>: modified Gram–Schmidt,
/// Givens rotations), each ending with x = x₀ + V y (right: x₀ + M⁻¹V y) and a restart from the recomputed residual.
/// </summary>
public sealed class Gmres : IKrylovSolver
{
    private readonly GmresOptions _options;

    /// <summary>Creates a solver with the given settings.</summary>
    public Gmres(GmresOptions options) => _options = KrylovOptions.Checked(options);

    /// <summary>
    /// Solves A x = b. The history holds the Givens recurrence residual per Arnoldi step, replaced by the recomputed
    /// residual at the end of each cycle; with left preconditioning every residual is the preconditioned one,
    /// ‖M⁻¹(b − A x)‖/‖M⁻¹b‖, and the message says so.
    /// </summary>
    public KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null)
    {
        var left = preconditioner is not null && _options.PreconditionerSide == PreconditionerSide.Left ? preconditioner : null;
        var run = new KrylovRun("GMRES", a, b, initialGuess, _options.Stopping, left is null ? ResidualNorm.Unpreconditioned : ResidualNorm.Preconditioned);
        if (run.Start(b, out _) is { } early)
            return early;
        int n = run.N;
        var x = run.X;
        var r = new double[n];
        var z = new double[n];
        var dx = new double[n];

        // The reference norm: ‖b‖, or ‖M⁻¹b‖ when the residual is the preconditioned one.
        if (left is not null)
        {
            left.Apply(b, r);
            run.Reference = Vectors.Norm(r);
            if (!(run.Reference > 0 && double.IsFinite(run.Reference)))
                return run.Stop(StopReason.NonFinite, 0, $"‖M⁻¹b‖ = {KrylovRun.Format(run.Reference)}: the preconditioner maps b to zero or non-finite values");
        }
        double reference = run.Reference, tolerance = _options.Stopping.Threshold(reference);
        var op = new PreconditionedOperator(run, preconditioner, _options.PreconditionerSide);
        var arnoldi = new ArnoldiCycle(run, op, Math.Min(_options.Restart, n), _options.Reorthogonalize, _options.Stopping, monitor);

        // r₀ = b − A x₀ (left: M⁻¹(b − A x₀)), β = ‖r₀‖.
        double beta = Residual(run, b, left, r, z, initial: true);
        run.History.Add(beta / reference);
        while (true)
        {
            if (run.Test(arnoldi.Iterations, beta / reference) is { } stop)
                return stop;

            // One cycle from v₁ = r/β; then y_k minimises ‖β e₁ − H̄_k y‖ and x = x₀ + V_k y_k (right: x₀ + M⁻¹ V_k y_k).
            if (arnoldi.Run(r, beta) is { } failed)
                return failed;
            Array.Clear(dx);
            arnoldi.Combine(arnoldi.Solve(), dx);
            var correction = op.Correct(dx, x);

            // Restart from the recomputed residual, which replaces the cycle's last estimate.
            double previous = beta;
            beta = Residual(run, b, left, r, z, initial: false);
            run.History[^1] = beta / reference;
            if (beta / reference <= tolerance || !double.IsFinite(beta) || !ArnoldiCycle.Stalled(beta, previous))
                continue;
            if (beta > previous)
            {
                // Never hand back an iterate worse than the cycle's start.
                Vectors.Axpy(-1, correction, x);
                beta = previous;
                run.History[^1] = beta / reference;
            }
            return arnoldi.StopStalled(beta / reference);
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
