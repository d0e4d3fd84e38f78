namespace Rom.Models.Darcy;

/// <summary>Settings of the SKR Darcy family (Wang et al., ICLR 2024, data generator of §5).</summary>
/// <param name="GridSize">Grid points s per side; the system has (s − 2)² unknowns (default 34, n = 1024).</param>
/// <param name="Count">Number of systems in the family (default 10).</param>
/// <param name="Seed">Seed of the random fields and Helmholtz wavenumbers (default 0).</param>
/// <param name="Alpha">Smoothness exponent α of the Gaussian random field (paper: 2.5).</param>
/// <param name="Tau">Inverse length scale τ of the Gaussian random field (paper: 7).</param>
/// <param name="Equation">The systems <see cref="SkrDarcyFamily.System"/> gives: Darcy (default) or Helmholtz.</param>
public sealed record SkrDarcyOptions(int GridSize = 34, int Count = 10, int Seed = 0, double Alpha = 2.5, double Tau = 7,
    SkrEquation Equation = SkrEquation.Darcy)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        Require.AtLeast(GridSize, 3, "The grid needs at least 3 points per side (one interior point).");
        Require.AtLeast(Count, 1, "The family needs at least one system.");
        Require.PositiveFinite(Alpha, "α must be positive and finite.");
        Require.PositiveFinite(Tau, "τ must be positive and finite.");
        Require.Defined(Equation, "Unknown equation.");
    }
}
