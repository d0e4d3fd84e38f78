using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// Restarted GMRES(m) (Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., Algorithm 6.9; left preconditioning
/// Algorithm 9.4, right Algorithm 9.5): cycles of m Arnoldi steps (<see cref="ArnoldiCycle"/>: modified Gram–Schmidt,
/// Givens rotations), each ending with x = x₀ + V y (right: x₀ + M⁻¹V y) and a restart from the recomputed residual.
/// The history holds the Givens recurrence residual per Arnoldi step, replaced by the recomputed residual at the end of
/// each cycle; with left preconditioning every residual is the preconditioned one, ‖M⁻¹(b − A x)‖/‖M⁻¹b‖, and the
/// message says so.
/// </summary>
/// <param name="options">The solver's settings.</param>
public sealed class Gmres(GmresOptions options) : IterativeSolver("GMRES", KrylovOptions.Checked(options).Stopping)
{
    /// <inheritdoc />
    private protected override ResidualNorm HistoryNorm(IPreconditioner? preconditioner) =>
        Left(preconditioner) is null ? ResidualNorm.Unpreconditioned : ResidualNorm.Preconditioned;

    /// <inheritdoc />
    private protected override KrylovResult Iterate(KrylovRun run, ReadOnlySpan<double> b, double bNorm,
        IPreconditioner? preconditioner, IterationMonitor? monitor)
    {
        var left = Left(preconditioner);
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
        double reference = run.Reference, tolerance = options.Stopping.Threshold(reference);
        var op = new PreconditionedOperator(run, preconditioner, options.PreconditionerSide);
        var arnoldi = new ArnoldiCycle(run, op, Math.Min(options.Restart, n), options.Reorthogonalize, options.Stopping, monitor);

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

    // The preconditioner when it is applied on the left, where it changes the norm of the residual; null otherwise.
    private IPreconditioner? Left(IPreconditioner? preconditioner) =>
        options.PreconditionerSide == PreconditionerSide.Left ? preconditioner : null;

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
