namespace Rom.Models.Darcy;

/// <summary>Settings of <see cref="DarcySpdFamily"/>.</summary>
/// <param name="GridSize">Grid points s per side, boundary included: (s − 2)^d unknowns (default 34).</param>
/// <param name="Dimension">2 (5-point stencil) or 3 (7-point stencil) (default 2).</param>
/// <param name="Count">Number of systems in the family (default 10).</param>
/// <param name="Seed">Seed of the whole family (default 0).</param>
/// <param name="Alpha">Smoothness α of the Gaussian random field (default 2.5).</param>
/// <param name="Tau">Inverse length scale τ of the field (default 7).</param>
public sealed record DarcySpdOptions(int GridSize = 34, int Dimension = 2, int Count = 10, int Seed = 0, double Alpha = 2.5, double Tau = 7)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (GridSize < 3)
            throw new ArgumentOutOfRangeException(nameof(GridSize), GridSize, "The grid needs at least 3 points per side (one interior point).");
        if (Dimension is not (2 or 3))
            throw new ArgumentOutOfRangeException(nameof(Dimension), Dimension, "The family is 2-D or 3-D.");
        if (Count < 1)
            throw new ArgumentOutOfRangeException(nameof(Count), Count, "The family needs at least one system.");
        if (!(Alpha > 0) || !(Tau > 0))
            throw new ArgumentOutOfRangeException(nameof(Alpha), $"α = {Alpha} and τ = {Tau} must be positive.");
    }
}
