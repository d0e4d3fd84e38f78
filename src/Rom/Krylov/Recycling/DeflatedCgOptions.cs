namespace Rom.Krylov.Recycling;

/// <summary>
/// Settings of deflated CG with a recycled space (Saad, Yeung, Erhel, Guyomarc'h, SIAM J. Sci. Comput. 21, 2000): the
/// recycle size k counts Ritz vectors kept from one solve to the next (default 10); <see cref="KrylovOptions.Stopping"/>
/// applies per solve.
/// </summary>
/// <param name="RecycleSize">Number k of Ritz vectors kept from one solve to the next.</param>
/// <param name="KeptDirections">Number ℓ of first search directions the Rayleigh–Ritz update draws on (default 20).</param>
public sealed record DeflatedCgOptions(int RecycleSize = 10, int KeptDirections = 20) : RecyclingOptions(RecycleSize)
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require.AtLeast(KeptDirections, 1, "At least one search direction must be kept.");
    }
}
