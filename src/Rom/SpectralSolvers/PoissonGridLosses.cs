using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The baselines of neural spectral methods for −Δu = s on the periodic box [0, 1)², on grid values instead of
/// coefficients: the PINN loss (the residual of the periodic five-point Laplacian on a G × G grid, mean of its square
/// over the points: the grid's estimate of ‖r‖²) and the mollifier that pins u at the origin. The grid is x_j = j / G,
/// periodic, so no boundary term is needed.
/// </summary>
public static class PoissonGridLosses
{
    /// <summary>Grid values (B, C, G, G) of series with real Fourier coefficients (B, C, n, n).</summary>
    public static Tensor<T> Values<T>(Tensor<T> coefficients, int points) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        return SpatialAxes.Apply(Tape<T>.Constant(coefficients), [.. coefficients.Shape.Skip(2).Select(n => RealFourierBasis.Synthesis(n, points))]).Value;
    }

    /// <summary>
    /// Σ_b mean over the grid of (−Δ_h u − s)², with Δ_h the periodic five-point Laplacian (spacing 1/G on both axes),
    /// for u and s of shape (B, 1, G, G).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that differ or are not square (B, 1, G, G) grids of at least 3 points.</exception>
    public static Variable<T> FiniteDifferenceResidualLoss<T>(Variable<T> u, Tensor<T> s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(s);
        if (u.Value.Rank != 4 || !u.Value.SameShape(s) || u.Value.Extent(2) != u.Value.Extent(3) || u.Value.Extent(2) < 3)
            throw new ArgumentException($"u {u.Value.ShapeText} and s {s.ShapeText} must be (batch, 1, G, G) grids with G ≥ 3.", nameof(u));
        int g = u.Value.Extent(2);
        double[,] second = SecondDifference(g);
        var minusLaplacian = Ops.Scale(Ops.Add(Ops.AxisLinear(u, second, 2), Ops.AxisLinear(u, second, 3)), -T.One);
        var residual = Ops.Subtract(minusLaplacian, Tape<T>.Constant(s));
        return Ops.Scale(Ops.Sum(Ops.Multiply(residual, residual)), T.CreateTruncating(1.0 / (g * g)));
    }

    /// <summary>
    /// The exact minimiser of the PINN loss on the G × G grid, as real Fourier coefficients (n × n, row-major) with the gauge
    /// u(0) = 0: on grid values of a series with waves below G/2 the five-point Laplacian is diagonal in the Fourier basis
    /// with symbol G²·4(sin²(πk_x/G) + sin²(πk_y/G)), so û_h = ŝ / symbol. Its distance from the FFT solution is the floor
    /// of every PINN-loss training on that grid.
    /// </summary>
    /// <exception cref="ArgumentException">A length that is not a square, or waves of G/2 and above.</exception>
    public static double[] FiniteDifferenceSolution(ReadOnlySpan<double> source, int grid)
    {
        int n = (int)Math.Round(Math.Sqrt(source.Length));
        if (n * n != source.Length)
            throw new ArgumentException($"source has {source.Length} coefficients, not n × n.", nameof(source));
        int[] waves = RealFourierBasis.WaveNumbers(n);
        if (2 * waves.Max() >= grid)
            throw new ArgumentException($"grid {grid} must exceed twice the highest wave {waves.Max()}.", nameof(grid));
        var u = new double[source.Length];
        for (int i = 1; i < u.Length; i++)
        {
            double sx = Math.Sin(Math.PI * waves[i / n] / grid), sy = Math.Sin(Math.PI * waves[i % n] / grid);
            double symbol = 4.0 * grid * grid * (sx * sx + sy * sy);
            u[i] = symbol == 0 ? 0 : source[i] / symbol;
        }
        u[0] = -new PeriodicPoisson(n, n).ValueAtOrigin(u);
        return u;
    }

    /// <summary>s · (u − u(0)) on a grid (B, C, G, G): the reference code's periodic mollifier for grid outputs.</summary>
    public static Variable<T> PinOrigin<T>(Variable<T> u, double scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        var atOrigin = SpatialAxes.Apply(u, [.. u.Value.Shape.Skip(2).Select(FirstColumnOnes)]);
        return Ops.Scale(Ops.Subtract(u, atOrigin), T.CreateTruncating(scale));
    }

    /// <summary>The n × n matrix that copies entry 0 everywhere.</summary>
    private static double[,] FirstColumnOnes(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            m[i, 0] = 1;
        return m;
    }

    /// <summary>The periodic second difference (u_{i−1} − 2u_i + u_{i+1}) G² as a G × G matrix.</summary>
    internal static double[,] SecondDifference(int g)
    {
        var d = new double[g, g];
        double h2 = (double)g * g;
        for (int i = 0; i < g; i++)
        {
            d[i, i] = -2 * h2;
            d[i, (i + 1) % g] += h2;
            d[i, (i + g - 1) % g] += h2;
        }
        return d;
    }
}
