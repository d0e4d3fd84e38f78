using Rom.Models.FiniteElements;

namespace Rom.Models.ThermalBlock;

/// <summary>Settings of the thermal block problem −∇·(d(x;μ)∇u) = f on (0,1)², u = 0 on the boundary.</summary>
/// <param name="BlocksX">Number of blocks along x (nx).</param>
/// <param name="BlocksY">Number of blocks along y (ny).</param>
/// <param name="SquaresPerSide">Squares per side of the structured mesh (need not be a multiple of the block counts).</param>
/// <param name="Split">How each square is cut into triangles.</param>
/// <param name="MuLower">Smallest admissible diffusivity of a block (pyMOR's default 0.1).</param>
/// <param name="MuUpper">Largest admissible diffusivity of a block (pyMOR's default 1).</param>
/// <param name="Source">Source term f(x, y); null means f = 1.</param>
public sealed record ThermalBlockOptions(
    int BlocksX = 2,
    int BlocksY = 2,
    int SquaresPerSide = 100,
    TriangleSplit Split = TriangleSplit.FourAroundCentre,
    double MuLower = 0.1,
    double MuUpper = 1.0,
    Func<double, double, double>? Source = null)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (BlocksX < 1)
            throw new ArgumentOutOfRangeException(nameof(BlocksX), BlocksX, "There must be at least one block along x.");
        if (BlocksY < 1)
            throw new ArgumentOutOfRangeException(nameof(BlocksY), BlocksY, "There must be at least one block along y.");
        if (SquaresPerSide < 1 || SquaresPerSide > StructuredTriangulation.MaxSquaresPerSide)
            throw new ArgumentOutOfRangeException(nameof(SquaresPerSide), SquaresPerSide, $"Squares per side must lie in 1..{StructuredTriangulation.MaxSquaresPerSide}.");
        if (!Enum.IsDefined(Split))
            throw new ArgumentOutOfRangeException(nameof(Split), Split, "Unknown triangle split.");
        if (!(MuLower > 0 && double.IsFinite(MuLower)))
            throw new ArgumentOutOfRangeException(nameof(MuLower), MuLower, "The lower diffusivity bound must be positive and finite, or the problem is not elliptic.");
        if (!(MuUpper >= MuLower && double.IsFinite(MuUpper)))
            throw new ArgumentOutOfRangeException(nameof(MuUpper), MuUpper, $"The upper diffusivity bound must be finite and at least MuLower = {MuLower}.");
    }
}
