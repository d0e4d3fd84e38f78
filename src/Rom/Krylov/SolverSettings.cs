using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>A solver and preconditioner chosen by name from <see cref="KrylovSolvers"/>, with the settings they are built from.</summary>
/// <param name="Method">One of <see cref="KrylovSolvers.Methods"/>: 'cg', 'minres', 'gmres', 'bicgstab', 'cholesky'
/// (independent solves), 'gcro-dr' or 'deflated-cg' (recycling across a sequence of systems).</param>
/// <param name="Preconditioner">One of <see cref="KrylovSolvers.Preconditioners"/> ('none' for a direct method).</param>
/// <param name="RelativeTolerance">Stop when ‖b − A x‖ ≤ tolerance · ‖b‖ (in (0, 1); default 1e-8).</param>
/// <param name="MaxIterations">Iteration cap per system (default 10 000).</param>
/// <param name="Restart">Restart length m of GMRES and GCRO-DR (default 40).</param>
/// <param name="RecycleSize">Recycle size k of GCRO-DR (1..m − 2) and deflated CG (default 20).</param>
public sealed record SolverSettings(
    string Method = "gcro-dr",
    string Preconditioner = "none",
    double RelativeTolerance = 1e-8,
    int MaxIterations = 10_000,
    int Restart = 40,
    int RecycleSize = 20)
{
    /// <summary>The registry's entry for <see cref="Method"/> (an <see cref="ArgumentException"/> for an unknown name).</summary>
    public KrylovMethod MethodKind => KrylovSolvers.Method(Method, nameof(Method));

    /// <summary>The registry's entry for <see cref="Preconditioner"/> (an <see cref="ArgumentException"/> for an unknown name).</summary>
    public PreconditionerKind PreconditionerKind => KrylovSolvers.Preconditioner(Preconditioner, nameof(Preconditioner));

    /// <summary>The stopping test the iterative methods get.</summary>
    public ConvergenceTest Stopping => new(RelativeTolerance, MaxIterations);

    /// <summary>True when the method or the preconditioner needs symmetric positive definite matrices.</summary>
    public bool NeedsSpd => MethodKind.NeedsSpd || PreconditionerKind.NeedsSpd;

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming the setting, its value and what was expected. The method's
    /// own limits (e.g. GCRO-DR's 3 ≤ m, k ≤ m − 2) are checked by building it, which allocates nothing yet.
    /// </summary>
    public void Validate() => CreateSolver();

    /// <summary>A fresh solver object for <see cref="Method"/> (recycling ones start with an empty space).</summary>
    public IKrylovSolver CreateSolver()
    {
        var method = MethodKind;
        var preconditioner = PreconditionerKind;
        if (method.IsDirect && preconditioner.Create is not null)
            throw new ArgumentException($"Preconditioner is '{Preconditioner}'; the direct method '{Method}' takes 'none'.", nameof(Preconditioner));
        Stopping.Validate();
        if (Restart < 1)
            throw new ArgumentOutOfRangeException(nameof(Restart), Restart, "The restart length m must be at least 1.");
        return method.Create(this);
    }

    /// <summary>
    /// The preconditioner built for <paramref name="a"/> alone (a reused kind gives a fresh one), or null for 'none';
    /// set-up failures (a zero pivot, a matrix that is not SPD) throw <see cref="ArgumentException"/>.
    /// </summary>
    public IPreconditioner? CreatePreconditioner(CsrMatrix a) => PreconditionerKind.Build(a);
}
