using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The grid baselines of neural spectral methods for u_t = ν u_xx + ρ u(1 − u) (<see cref="ReactionDiffusion"/>), on
/// grid values instead of coefficients: T equispaced times t_i = i / (T − 1) × G periodic points x_j = j / G. The PINN
/// loss is the mean square over the grid of the finite-difference residual (second-order differences: central in the
/// interior of t, one-sided at t = 0 and 1; the periodic three-point u_xx); the initial condition is imposed as the
/// spectral method imposes it, u = h + s·t·v.
/// </summary>
public static class ReactionDiffusionGridLosses
{
    /// <summary>Grid values (B, 1, T, G) of parameters given as Chebyshev × real Fourier coefficients (B, 1, N_t, N_x).</summary>
    public static Tensor<T> Values<T>(Tensor<T> coefficients, int times, int points) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Rank != 4)
            throw new ArgumentException($"coefficients {coefficients.ShapeText} must be (batch, channels, N_t, N_x).", nameof(coefficients));
        return SpatialAxes.Apply(Tape<T>.Constant(coefficients),
            [ChebyshevBasis.Synthesis(coefficients.Extent(2), Times(times)), RealFourierBasis.Synthesis(coefficients.Extent(3), points)]).Value;
    }

    /// <summary>u = h + s·t·v on the grid, from the network's grid output v and the initial values h broadcast in t (both (B, 1, T, G)).</summary>
    public static Variable<T> ImposeInitialCondition<T>(Variable<T> v, Tensor<T> initial, double scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(initial);
        if (v.Value.Rank != 4 || !v.Value.SameShape(initial))
            throw new ArgumentException($"v {v.Value.ShapeText} and the initial values {initial.ShapeText} must be the same (batch, 1, T, G) grid.", nameof(v));
        double[] t = Times(v.Value.Extent(2));
        var byTime = new double[t.Length, t.Length];
        for (int i = 0; i < t.Length; i++)
            byTime[i, i] = scale * t[i];
        return Ops.Add(Tape<T>.Constant(initial), Ops.AxisLinear(v, byTime, 2));
    }

    /// <summary>Σ_b mean over the grid of (D_t u − ν D_xx u − ρ u(1 − u))² for u of shape (B, 1, T, G).</summary>
    /// <exception cref="ArgumentException">A shape other than (batch, 1, T ≥ 3, G ≥ 3).</exception>
    public static Variable<T> FiniteDifferenceResidualLoss<T>(Variable<T> u, double diffusion, double reaction) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.Value.Rank != 4 || u.Value.Extent(1) != 1 || u.Value.Extent(2) < 3 || u.Value.Extent(3) < 3)
            throw new ArgumentException($"u {u.Value.ShapeText} must be a (batch, 1, T, G) grid with T, G ≥ 3.", nameof(u));
        int times = u.Value.Extent(2), points = u.Value.Extent(3);
        var ut = Ops.AxisLinear(u, TimeDifference(times), 2);
        var uxx = Ops.AxisLinear(u, PoissonGridLosses.SecondDifference(points), 3);
        var reactionTerm = Ops.Subtract(u, Ops.Multiply(u, u));
        var residual = Ops.Subtract(Ops.Subtract(ut, Ops.Scale(uxx, T.CreateTruncating(diffusion))), Ops.Scale(reactionTerm, T.CreateTruncating(reaction)));
        return Ops.Scale(Ops.Sum(Ops.Multiply(residual, residual)), T.CreateTruncating(1.0 / (times * points)));
    }

    /// <summary>The equispaced times i / (T − 1).</summary>
    public static double[] Times(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 2);
        return [.. Enumerable.Range(0, times).Select(i => (double)i / (times - 1))];
    }

    /// <summary>d/dt to second order on T equispaced times of [0, 1]: central inside, one-sided three-point at the ends.</summary>
    private static double[,] TimeDifference(int times)
    {
        double h = 1.0 / (times - 1);
        var d = new double[times, times];
        for (int i = 1; i < times - 1; i++)
        {
            d[i, i - 1] = -0.5 / h;
            d[i, i + 1] = 0.5 / h;
        }
        (d[0, 0], d[0, 1], d[0, 2]) = (-1.5 / h, 2 / h, -0.5 / h);
        (d[times - 1, times - 1], d[times - 1, times - 2], d[times - 1, times - 3]) = (1.5 / h, -2 / h, 0.5 / h);
        return d;
    }
}
