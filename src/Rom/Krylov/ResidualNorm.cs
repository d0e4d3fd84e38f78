namespace Rom.Krylov;

/// <summary>The norm a solver's residual history is measured in (PETSc's <c>KSPNormType</c>), always relative to the same norm of b.</summary>
public enum ResidualNorm
{
    /// <summary>‖b − A x‖₂/‖b‖₂, recomputed or updated by the method's recurrence.</summary>
    Unpreconditioned,
    /// <summary>‖M⁻¹(b − A x)‖₂/‖M⁻¹b‖₂: left-preconditioned GMRES.</summary>
    Preconditioned,
    /// <summary>The M⁻¹-norm √(rᵀM⁻¹r)/√(bᵀM⁻¹b): preconditioned MINRES's recurrence (its confirmed last entry is unpreconditioned).</summary>
    Natural,
}
