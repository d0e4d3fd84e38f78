namespace Rom.GaussianProcesses;

/// <summary>How <see cref="GpPdeSolver"/> minimises the objective.</summary>
public enum GpOptimizerKind
{
    /// <summary>Adam on (φ, U) together, as the reference code does.</summary>
    JointAdam,

    /// <summary>L-BFGS on (φ, U) together.</summary>
    JointLbfgs,

    /// <summary>
    /// Adam on φ alone, U re-solved exactly at every step (J is quadratic in U for a linear PDE; Gauss–Newton
    /// finds a local minimum for a nonlinear one), so the optimiser
    /// sees the profiled objective J*(φ) = min_U J(U, φ), whose gradient is ∂J/∂φ at the optimal U (envelope theorem).
    /// </summary>
    ProfiledAdam,

    /// <summary>L-BFGS on the profiled objective J*(φ), as for <see cref="ProfiledAdam"/>.</summary>
    ProfiledLbfgs,
}
