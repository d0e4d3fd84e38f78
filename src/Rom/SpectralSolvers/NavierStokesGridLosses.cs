using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The PINN loss of the 2-D vorticity equation (<see cref="NavierStokesVorticity"/>) on grid values w (B, 1, T, G, G) as the
/// reference code computes it: w_t by second-order differences in t (<see cref="SpaceTimeGrids"/>), w_x, w_y by periodic
/// central differences, Δw by the five-point stencil, and the velocity v = (ψ_y, −ψ_x) spectrally from the grid
/// (−Δψ = w solved in the real Fourier basis of the G points); the loss is the mean square over the grid of
/// w_t/T + v·∇w − νΔw − f.
/// </summary>
public static class NavierStokesGridLosses
{
    /// <summary>Σ_b mean over the grid of the residual's square; <paramref name="forcing"/> holds f on the G² points (row-major) or is null.</summary>
    /// <exception cref="ArgumentException">A shape other than (batch, 1, T ≥ 3, G, G) with G ≥ 3, or forcing of another size.</exception>
    public static Variable<T> FiniteDifferenceResidualLoss<T>(Variable<T> w, double viscosity, double endTime, double[]? forcing) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(w);
        var shape = w.Value.Shape;
        if (w.Value.Rank != 5 || shape[1] != 1 || shape[2] < 3 || shape[3] != shape[4] || shape[3] < 3)
            throw new ArgumentException($"w {w.Value.ShapeText} must be a (batch, 1, T, G, G) grid with T, G ≥ 3.", nameof(w));
        int times = shape[2], g = shape[3], plane = g * g;
        if (forcing is not null && forcing.Length != plane)
            throw new ArgumentException($"forcing has {forcing.Length} values; the grid has {g}².", nameof(forcing));
        double[,] central = CentralDifference(g), second = PoissonGridLosses.SecondDifference(g);
        var wt = Ops.Scale(Ops.AxisLinear(w, SpaceTimeGrids.TimeDifference(times), 2), T.CreateTruncating(1 / endTime));
        var wx = Ops.AxisLinear(w, central, 3);
        var wy = Ops.AxisLinear(w, central, 4);
        var laplacian = Ops.Add(Ops.AxisLinear(w, second, 3), Ops.AxisLinear(w, second, 4));

        double[,] analysis = RealFourierBasis.Analysis(g), synthesis = RealFourierBasis.Synthesis(g, g);
        double[,] derivative = Matrices.Product(synthesis, RealFourierBasis.Derivative(g));
        int[] waves = RealFourierBasis.WaveNumbers(g);
        var inverse = Tensor<T>.Zeros([.. shape]);
        for (int i = 0; i < inverse.Count; i++)
        {
            int a = i / g % g, b = i % g;
            double k2 = 4 * Math.PI * Math.PI * (waves[a] * waves[a] + waves[b] * waves[b]);
            inverse.Data[i] = T.CreateTruncating(k2 == 0 ? 0 : 1 / k2);
        }
        var psi = Ops.Multiply(SpatialAxes.Apply(w, [GramMatrices.Identity(times), analysis, analysis]), Tape<T>.Constant(inverse));
        var vx = SpatialAxes.Apply(psi, [GramMatrices.Identity(times), synthesis, derivative]);
        var minusVy = SpatialAxes.Apply(psi, [GramMatrices.Identity(times), derivative, synthesis]);
        var advection = Ops.Subtract(Ops.Multiply(vx, wx), Ops.Multiply(minusVy, wy));
        var residual = Ops.Subtract(Ops.Add(wt, advection), Ops.Scale(laplacian, T.CreateTruncating(viscosity)));
        if (forcing is not null)
        {
            var f = Tensor<T>.Zeros([.. shape]);
            for (int i = 0; i < f.Count; i++)
                f.Data[i] = T.CreateTruncating(forcing[i % plane]);
            residual = Ops.Subtract(residual, Tape<T>.Constant(f));
        }
        return Ops.Scale(Ops.Sum(Ops.Multiply(residual, residual)), T.CreateTruncating(1.0 / (times * plane)));
    }

    /// <summary>The periodic central difference (u_{i+1} − u_{i−1}) G / 2 as a G × G matrix.</summary>
    private static double[,] CentralDifference(int g)
    {
        var d = new double[g, g];
        for (int i = 0; i < g; i++)
        {
            d[i, (i + 1) % g] += g / 2.0;
            d[i, (i + g - 1) % g] -= g / 2.0;
        }
        return d;
    }
}
