namespace Rom.Krylov;

/// <summary>
/// The one stopping test of Rom's Krylov solvers (PETSc's <c>KSPConvergedDefault</c>): a solve has converged when its
/// relative residual r_k = ‖res_k‖/‖ref‖ is at most max(RelativeTolerance, AbsoluteTolerance/‖ref‖), diverged when
/// r_k exceeds DivergenceTolerance · r_0, reached its cap at MaxIterations, and failed when r_k is not finite. Every
/// solver asks <see cref="Check"/> at the points where its method may stop, so the decisions and their messages are
/// written once.
/// </summary>
/// <param name="RelativeTolerance">Converged when the residual falls to this fraction of its reference (‖b‖, or the
/// preconditioned ‖M⁻¹b‖ when the history is in that norm); in (0, 1).</param>
/// <param name="MaxIterations">Iteration cap, at least 1; the result says <see cref="StopReason.MaxIterations"/> when it is hit.</param>
/// <param name="AbsoluteTolerance">Also converged when the residual's norm itself is at most this (default 0: off).</param>
/// <param name="DivergenceTolerance">Diverged when the relative residual exceeds this multiple of its initial value
/// (default +∞: off); greater than 1.</param>
public sealed record ConvergenceTest(
    double RelativeTolerance = 1e-10,
    int MaxIterations = 10_000,
    double AbsoluteTolerance = 0,
    double DivergenceTolerance = double.PositiveInfinity)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (!(RelativeTolerance > 0 && RelativeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "The relative tolerance must lie in (0, 1).");
        if (MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "The iteration cap must be at least 1.");
        if (!(AbsoluteTolerance >= 0 && double.IsFinite(AbsoluteTolerance)))
            throw new ArgumentOutOfRangeException(nameof(AbsoluteTolerance), AbsoluteTolerance, "The absolute tolerance must be finite and at least 0.");
        if (!(DivergenceTolerance > 1))
            throw new ArgumentOutOfRangeException(nameof(DivergenceTolerance), DivergenceTolerance, "The divergence tolerance must be greater than 1 (+∞ turns the test off).");
    }

    /// <summary>Returns <paramref name="stopping"/> once it is known to be usable (the solvers' constructors call this).</summary>
    internal static ConvergenceTest Checked(ConvergenceTest stopping)
    {
        ArgumentNullException.ThrowIfNull(stopping);
        stopping.Validate();
        return stopping;
    }

    /// <summary>
    /// The relative residual at or below which a solve whose residuals are measured against <paramref name="reference"/>
    /// has converged: max(RelativeTolerance, AbsoluteTolerance / reference).
    /// </summary>
    public double Threshold(double reference) => Math.Max(RelativeTolerance, AbsoluteTolerance / reference);

    /// <summary>
    /// Decides whether a solve stops at this entry of its history, and says why in one line; null means go on. The
    /// tests run in the order non-finite, converged, diverged, iteration cap.
    /// </summary>
    /// <param name="iteration">Iterations done so far.</param>
    /// <param name="relative">The relative residual of this entry.</param>
    /// <param name="reference">The norm <paramref name="relative"/> is relative to (for the absolute tolerance).</param>
    /// <param name="initial">The first entry of the history (for the divergence test).</param>
    /// <param name="norm">The norm the residual is measured in (named in the message).</param>
    /// <param name="estimate">True for a recurrence estimate that the solver confirms on the recomputed residual
    /// before it may stop as converged (BiCGSTAB, MINRES): the converged test is then left to that confirmation.</param>
    public StopDecision? Check(int iteration, double relative, double reference, double initial, ResidualNorm norm, bool estimate = false)
    {
        string what = Name(norm);
        if (!double.IsFinite(relative))
            return new(StopReason.NonFinite, $"the {what} became non-finite at iteration {iteration}");
        if (!estimate && relative <= Threshold(reference))
            return new(StopReason.Converged, $"converged to {what} {KrylovRun.Format(relative)} in {iteration} iterations");
        if (relative > DivergenceTolerance * initial)
            return new(StopReason.Diverged, $"the {what} {KrylovRun.Format(relative)} exceeds {KrylovRun.Format(DivergenceTolerance)} times its initial value {KrylovRun.Format(initial)} at iteration {iteration}");
        if (iteration >= MaxIterations)
            return new(StopReason.MaxIterations, $"reached the cap of {iteration} iterations at {what} {KrylovRun.Format(relative)}");
        return null;
    }

    /// <summary>What a residual in <paramref name="norm"/> is called in messages, e.g. "relative preconditioned residual".</summary>
    internal static string Name(ResidualNorm norm) => norm switch
    {
        ResidualNorm.Preconditioned => "relative preconditioned residual",
        ResidualNorm.Natural => "relative M⁻¹-norm residual",
        _ => "relative residual",
    };
}
