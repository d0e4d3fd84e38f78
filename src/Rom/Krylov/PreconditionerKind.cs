using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>A preconditioner that settings choose by name (an entry of <see cref="KrylovSolvers.Preconditioners"/>).</summary>
/// <param name="Name">The name settings use, e.g. "ic0".</param>
/// <param name="Description">A few words for help texts.</param>
/// <param name="NeedsSpd">True when the preconditioner needs symmetric positive definite matrices.</param>
/// <param name="Create">Builds it for a matrix (a set-up failure throws <see cref="ArgumentException"/>); null for none.</param>
/// <param name="Reuse">For a preconditioner built once for a sequence of matrices: the one built for the first
/// matrix, refreshed for another (null: built afresh for every matrix).</param>
public sealed record PreconditionerKind(
    string Name,
    string Description,
    bool NeedsSpd,
    Func<CsrMatrix, IPreconditioner>? Create,
    Func<IPreconditioner, CsrMatrix, IPreconditioner>? Reuse = null)
{
    /// <summary>The preconditioner for <paramref name="a"/> alone, or null for none.</summary>
    public IPreconditioner? Build(CsrMatrix a) => Create?.Invoke(a);
}
