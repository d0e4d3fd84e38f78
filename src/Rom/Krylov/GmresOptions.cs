namespace Rom.Krylov;

/// <summary>Settings of restarted GMRES(m).</summary>
/// <param name="RelativeTolerance">Stop when the residual (preconditioned one for left preconditioning) falls to this fraction of its value for x = 0.</param>
/// <param name="MaxIterations">Cap on the total number of Arnoldi steps over all cycles (one product with A each).</param>
/// <param name="Restart">Krylov dimension m of a cycle before restarting.</param>
/// <param name="Reorthogonalize">Run a second modified Gram–Schmidt pass per Arnoldi step, for nearly dependent bases.</param>
/// <param name="PreconditionerSide">Left or right preconditioning; right keeps the true residual.</param>
public sealed record GmresOptions(
    double RelativeTolerance = 1e-10,
    int MaxIterations = 10_000,
    int Restart = 40,
    bool Reorthogonalize = false,
    PreconditionerSide PreconditionerSide = PreconditionerSide.Right)
    : KrylovOptions(RelativeTolerance, MaxIterations)
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (Restart < 1)
            throw new ArgumentOutOfRangeException(nameof(Restart), Restart, "The restart length must be at least 1.");
        if (!Enum.IsDefined(PreconditionerSide))
            throw new ArgumentOutOfRangeException(nameof(PreconditionerSide), PreconditionerSide, "Unknown preconditioner side.");
    }
}
