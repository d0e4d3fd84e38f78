namespace Rom.Models.Darcy;

/// <summary>Settings of <see cref="FnoDarcyFamily"/>; the defaults are the FNO paper's field and a 65 × 65 dataset solved on 513 × 513.</summary>
/// <param name="GridSize">Points s_f per side of the grid the systems are solved on, boundary included: (s_f − 2)² unknowns (default 513).</param>
/// <param name="OutputSize">Points s per side of the stored grid, boundary included; s_f − 1 must be a multiple of s − 1 (default 65).</param>
/// <param name="Count">Number of systems in the family (default 10).</param>
/// <param name="Seed">Seed of the whole family (default 0).</param>
/// <param name="Alpha">Exponent α of the covariance τ^(2α−2)(−Δ + τ²I)^(−α) (paper: 2).</param>
/// <param name="Tau">τ of the covariance (paper: 3).</param>
/// <param name="Positive">Coefficient where the Gaussian field is positive (paper: 12).</param>
/// <param name="Negative">Coefficient elsewhere (paper: 3).</param>
public sealed record FnoDarcyOptions(int GridSize = 513, int OutputSize = 65, int Count = 10, int Seed = 0,
    double Alpha = 2, double Tau = 3, double Positive = 12, double Negative = 3)
{
    /// <summary>The stored grid: every ((s_f − 1)/(s − 1))-th point of the solve grid.</summary>
    public SubsampledGrid StoredGrid => new(GridSize, OutputSize, 2);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (GridSize < 3)
            throw new ArgumentOutOfRangeException(nameof(GridSize), GridSize, "The grid needs at least 3 points per side (one interior point).");
        StoredGrid.Validate();
        if (Count < 1)
            throw new ArgumentOutOfRangeException(nameof(Count), Count, "The family needs at least one system.");
        if (!(Alpha > 0 && double.IsFinite(Alpha)) || !(Tau > 0 && double.IsFinite(Tau)))
            throw new ArgumentOutOfRangeException(nameof(Alpha), $"α = {Alpha} and τ = {Tau} must be positive and finite.");
        if (!(Positive > 0 && double.IsFinite(Positive)) || !(Negative > 0 && double.IsFinite(Negative)))
            throw new ArgumentOutOfRangeException(nameof(Positive), $"The coefficients {Positive} and {Negative} must be positive and finite.");
    }
}
