namespace Rom.Models;

/// <summary>
/// A coarse grid of <see cref="Size"/> points per side inside a fine one of <see cref="FineSize"/> points per side
/// (both on the unit square or cube, boundary points included): every <see cref="Stride"/>-th fine point, so
/// (FineSize − 1) must be a multiple of (Size − 1). Grid values are stored with axis 0 fastest (point (c₀, c₁, …) at
/// index Σ c_axis·n^axis), the layout of <see cref="Darcy.FluxDifferences"/>. A family whose systems are Dirichlet
/// problems on the fine grid names one as its <see cref="ISystemFamily.StoredGrid"/>, so that a dataset holds its
/// fields and solutions at the coarse points only.
/// </summary>
/// <param name="FineSize">Points per side of the grid the systems are solved on.</param>
/// <param name="Size">Points per side of the stored grid.</param>
/// <param name="Dimension">2 or 3.</param>
public sealed record SubsampledGrid(int FineSize, int Size, int Dimension)
{
    /// <summary>Fine-grid steps between two coarse points.</summary>
    public int Stride => (FineSize - 1) / (Size - 1);

    /// <summary>Points of the coarse grid, Size^Dimension.</summary>
    public int Points => (int)Math.Pow(Size, Dimension);

    /// <summary>The coarse grid's shape, Size along every axis (e.g. [65, 65]).</summary>
    public int[] Shape => Enumerable.Repeat(Size, Dimension).ToArray();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when the grids do not nest.</summary>
    public void Validate()
    {
        if (Dimension is not (2 or 3))
            throw new ArgumentOutOfRangeException(nameof(Dimension), Dimension, "The grid is 2-D or 3-D.");
        if (FineSize < 3)
            throw new ArgumentOutOfRangeException(nameof(FineSize), FineSize, "The fine grid needs at least 3 points per side (one interior point).");
        if (Size < 3 || Size > FineSize || (FineSize - 1) % (Size - 1) != 0)
            throw new ArgumentOutOfRangeException(nameof(Size), Size,
                $"The stored grid needs a size s with {FineSize} − 1 a multiple of s − 1: one of {string.Join(", ", Sizes(FineSize))}.");
    }

    /// <summary>The values at the coarse points of a field on the fine grid (FineSize^Dimension values).</summary>
    public double[] Restrict(ReadOnlySpan<double> fine)
    {
        int fineCount = (int)Math.Pow(FineSize, Dimension);
        if (fine.Length != fineCount)
            throw new ArgumentException($"The fine field has {fine.Length} values; expected {FineSize}^{Dimension} = {fineCount}.", nameof(fine));
        var coarse = new double[Points];
        for (int q = 0; q < coarse.Length; q++)
        {
            int index = 0;
            for (int axis = 0, rest = q, stride = 1; axis < Dimension; axis++, rest /= Size, stride *= FineSize)
                index += rest % Size * Stride * stride;
            coarse[q] = fine[index];
        }
        return coarse;
    }

    /// <summary>
    /// The values at the coarse points of a solution given at the fine grid's (FineSize − 2)^Dimension interior
    /// points, with the Dirichlet boundary's zeros at the coarse boundary points.
    /// </summary>
    public double[] RestrictInterior(ReadOnlySpan<double> interior)
    {
        int m = FineSize - 2, interiorCount = (int)Math.Pow(m, Dimension);
        if (interior.Length != interiorCount)
            throw new ArgumentException($"The solution has {interior.Length} values; expected the {m}^{Dimension} = {interiorCount} interior points of the fine grid.", nameof(interior));
        var coarse = new double[Points];
        for (int q = 0; q < coarse.Length; q++)
        {
            int index = 0;
            bool boundary = false;
            for (int axis = 0, rest = q, stride = 1; axis < Dimension; axis++, rest /= Size, stride *= m)
            {
                int c = rest % Size;
                boundary |= c == 0 || c == Size - 1;
                index += (c * Stride - 1) * stride;
            }
            coarse[q] = boundary ? 0 : interior[index];
        }
        return coarse;
    }

    /// <summary>The sizes of the coarse grids inside a fine grid of <paramref name="fineSize"/> points per side: s ≥ 3 with s − 1 dividing fineSize − 1.</summary>
    public static IEnumerable<int> Sizes(int fineSize) => Enumerable.Range(3, Math.Max(0, fineSize - 2)).Where(s => (fineSize - 1) % (s - 1) == 0);
}
