namespace Rom.Krylov.Recycling;

/// <summary>Settings of GCRO-DR(m, k) (Parks et al., SIAM J. Sci. Comput. 28, 2006).</summary>
/// <param name="RelativeTolerance">Stop when ‖b − A x‖ ≤ RelativeTolerance · ‖b‖ (default 1e-10).</param>
/// <param name="MaxIterations">Cap on the total number of Arnoldi steps over all cycles (default 10 000).</param>
/// <param name="Restart">Dimension m of the search space [U, V] of a cycle (default 40).</param>
/// <param name="RecycleSize">Number k of harmonic Ritz vectors kept across cycles and systems (default 20; at most m − 2).</param>
public sealed record GcroDrOptions(
    double RelativeTolerance = 1e-10,
    int MaxIterations = 10_000,
    int Restart = 40,
    int RecycleSize = 20)
    : KrylovOptions(RelativeTolerance, MaxIterations)
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (Restart < 3)
            throw new ArgumentOutOfRangeException(nameof(Restart), Restart, "The restart length m must be at least 3.");
        if (RecycleSize < 1 || RecycleSize > Restart - 2)
            throw new ArgumentOutOfRangeException(nameof(RecycleSize), RecycleSize,
                $"The recycle size k must lie in 1..m − 2 = {Restart - 2} (a complex pair may add one vector, and a cycle needs an Arnoldi step).");
    }
}
