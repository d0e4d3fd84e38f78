using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The grid baselines of neural spectral methods for u_t = ν u_xx + ρ u(1 − u) (<see cref="ReactionDiffusion"/>), on
/// grid values instead of coefficients: T equispaced times t_i = i / (T − 1) × G periodic points x_j = j / G. The PINN
/// loss is the mean square over the grid of the finite-difference residual (second-order differences: central in the
/// interior of t, one-sided at t = 0 and 1; the periodic three-point u_xx); the initial condition is imposed as the
/// spectral method imposes it, u = h + s·t·v (<see cref="SpaceTimeGrids"/>).
/// </summary>
public static class ReactionDiffusionGridLosses
{
    /// <summary>Σ_b mean over the grid of (D_t u − ν D_xx u − ρ u(1 − u))² for u of shape (B, 1, T, G).</summary>
    /// <exception cref="ArgumentException">A shape other than (batch, 1, T ≥ 3, G ≥ 3).</exception>
    public static Variable<T> FiniteDifferenceResidualLoss<T>(Variable<T> u, double diffusion, double reaction) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.Value.Rank != 4 || u.Value.Extent(1) != 1 || u.Value.Extent(2) < 3 || u.Value.Extent(3) < 3)
            throw new ArgumentException($"u {u.Value.ShapeText} must be a (batch, 1, T, G) grid with T, G ≥ 3.", nameof(u));
        int times = u.Value.Extent(2), points = u.Value.Extent(3);
        var ut = Ops.AxisLinear(u, SpaceTimeGrids.TimeDifference(times), 2);
        var uxx = Ops.AxisLinear(u, PoissonGridLosses.SecondDifference(points), 3);
        var reactionTerm = Ops.Subtract(u, Ops.Multiply(u, u));
        var residual = Ops.Subtract(Ops.Subtract(ut, Ops.Scale(uxx, T.CreateTruncating(diffusion))), Ops.Scale(reactionTerm, T.CreateTruncating(reaction)));
        return Ops.Scale(Ops.Sum(Ops.Multiply(residual, residual)), T.CreateTruncating(1.0 / (times * points)));
    }
}
