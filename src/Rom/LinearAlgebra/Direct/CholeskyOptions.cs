namespace Rom.LinearAlgebra.Direct;

/// <summary>Settings of the sparse Cholesky factorisation.</summary>
/// <param name="Ordering">The fill-reducing permutation.</param>
/// <param name="LeafSize">Nested dissection stops bisecting parts of at most this many unknowns and orders them by minimum degree.</param>
/// <param name="CheckSymmetry">Verify that a_ij = a_ji (to a relative 1e-10) before factoring; only the lower triangle is used either way.</param>
public sealed record CholeskyOptions(
    FillReducingOrdering Ordering = FillReducingOrdering.NestedDissection,
    int LeafSize = 64,
    bool CheckSymmetry = true)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Ordering))
            throw new ArgumentOutOfRangeException(nameof(Ordering), Ordering, "Unknown fill-reducing ordering.");
        if (LeafSize < 1 || LeafSize > 4096)
            throw new ArgumentOutOfRangeException(nameof(LeafSize), LeafSize, "The nested-dissection leaf size must lie in 1..4096.");
    }
}
