namespace Rom.Krylov.Recycling;

/// <summary>
/// Settings of GCRO-DR(m, k) (Parks et al., SIAM J. Sci. Comput. 28, 2006): the recycle size k counts harmonic Ritz
/// vectors (default 20; at most m − 2, as a complex pair may add one vector and a cycle needs an Arnoldi step), and
/// <see cref="KrylovOptions.Stopping"/> counts Arnoldi steps over all cycles.
/// </summary>
/// <param name="Restart">Dimension m of the search space [U, V] of a cycle (default 40).</param>
/// <param name="RecycleSize">Number k of harmonic Ritz vectors kept across cycles and systems.</param>
public sealed record GcroDrOptions(int Restart = 40, int RecycleSize = 20) : RecyclingOptions(RecycleSize)
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require.AtLeast(Restart, 3, "The restart length m must be at least 3.");
        Require.That(RecycleSize <= Restart - 2, RecycleSize, $"The recycle size k must lie in 1..m − 2 = {Restart - 2}.");
    }
}
