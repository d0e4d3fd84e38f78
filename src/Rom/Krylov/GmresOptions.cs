namespace Rom.Krylov;

/// <summary>
/// Settings of restarted GMRES(m); <see cref="KrylovOptions.Stopping"/> counts Arnoldi steps over all cycles (one
/// product with A each) and measures the residual in the preconditioned norm under left preconditioning.
/// </summary>
/// <param name="Restart">Krylov dimension m of a cycle before restarting.</param>
/// <param name="Reorthogonalize">Run a second modified Gram–Schmidt pass per Arnoldi step, for nearly dependent bases.</param>
/// <param name="PreconditionerSide">Left or right preconditioning; right keeps the true residual.</param>
public sealed record GmresOptions(
    int Restart = 40,
    bool Reorthogonalize = false,
    PreconditionerSide PreconditionerSide = PreconditionerSide.Right)
    : KrylovOptions
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require.AtLeast(Restart, 1, "The restart length must be at least 1.");
        Require.Defined(PreconditionerSide, "Unknown preconditioner side.");
    }
}
