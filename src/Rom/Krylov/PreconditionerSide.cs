namespace Rom.Krylov;

/// <summary>Where a preconditioner M enters a non-symmetric Krylov method.</summary>
public enum PreconditionerSide
{
    /// <summary>Solve M⁻¹A x = M⁻¹b: the method minimises the preconditioned residual ‖M⁻¹(b − A x)‖.</summary>
    Left,
    /// <summary>Solve A M⁻¹ u = b, x = M⁻¹u: the method minimises the true residual ‖b − A x‖.</summary>
    Right,
}
