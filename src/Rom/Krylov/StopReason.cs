namespace Rom.Krylov;

/// <summary>Why an iterative solver stopped.</summary>
public enum StopReason
{
    /// <summary>The relative residual reached the requested tolerance.</summary>
    Converged,
    /// <summary>The iteration cap was reached first.</summary>
    MaxIterations,
    /// <summary>A denominator vanished (e.g. pᵀAp = 0 in CG); the iterate is the last good one.</summary>
    Breakdown,
    /// <summary>CG met a direction of non-positive curvature: the operator (or preconditioner) is not positive definite.</summary>
    IndefiniteOperator,
    /// <summary>The residual stopped decreasing.</summary>
    Stagnation,
    /// <summary>A NaN or infinity appeared in the data or the iterates.</summary>
    NonFinite,
    /// <summary>The residual grew past the divergence tolerance of the <see cref="ConvergenceTest"/>.</summary>
    Diverged,
}
