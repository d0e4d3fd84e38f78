using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// Grids of the time-dependent problems' baselines: T equispaced times t_i = i / (T − 1) of [0, 1] × G periodic points
/// x_j = j / G per space axis, grid values of Chebyshev(t) × Fourier(space…) series, the initial condition imposed on
/// grid outputs as the spectral method imposes it (u = u₀ + s·t·v), and the time difference of the PINN losses.
/// </summary>
public static class SpaceTimeGrids
{
    /// <summary>Grid values (B, C, T, G…) of Chebyshev × real Fourier coefficients (B, C, N_t, N…).</summary>
    /// <exception cref="ArgumentException">Fewer than one space axis.</exception>
    public static Tensor<T> Values<T>(Tensor<T> coefficients, int times, int points) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Rank < 4)
            throw new ArgumentException($"coefficients {coefficients.ShapeText} must be (batch, channels, N_t, N…).", nameof(coefficients));
        return SpatialAxes.Apply(Tape<T>.Constant(coefficients),
            [ChebyshevBasis.Synthesis(coefficients.Extent(2), Times(times)), .. coefficients.Shape.Skip(3).Select(n => RealFourierBasis.Synthesis(n, points))]).Value;
    }

    /// <summary>u = u₀ + s·t·v on the grid, from the network's grid output v and the initial values u₀ broadcast in t (both (B, 1, T, G…)).</summary>
    /// <exception cref="ArgumentException">Shapes that differ or have no space axis.</exception>
    public static Variable<T> ImposeInitialCondition<T>(Variable<T> v, Tensor<T> initial, double scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(initial);
        if (v.Value.Rank < 4 || !v.Value.SameShape(initial))
            throw new ArgumentException($"v {v.Value.ShapeText} and the initial values {initial.ShapeText} must be the same (batch, 1, T, G…) grid.", nameof(v));
        double[] t = Times(v.Value.Extent(2));
        var byTime = new double[t.Length, t.Length];
        for (int i = 0; i < t.Length; i++)
            byTime[i, i] = scale * t[i];
        return Ops.Add(Tape<T>.Constant(initial), Ops.AxisLinear(v, byTime, 2));
    }

    /// <summary>The equispaced times i / (T − 1).</summary>
    public static double[] Times(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 2);
        return [.. Enumerable.Range(0, times).Select(i => (double)i / (times - 1))];
    }

    /// <summary>d/dt to second order on T equispaced times of [0, 1]: central inside, one-sided three-point at the ends.</summary>
    internal static double[,] TimeDifference(int times)
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
