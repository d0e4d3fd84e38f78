using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>A PDE in a spectral basis whose residual loss a neural spectral method minimises (<see cref="ReactionDiffusion"/>, <see cref="NavierStokesVorticity"/>).</summary>
internal interface ISpectralEquation
{
    /// <summary>Σ_b of the squared L2 norm of the residual of <paramref name="u"/>'s coefficients; with <paramref name="exactNorm"/> false the plain sum of squared coefficients.</summary>
    Variable<T> ResidualLoss<T>(Variable<T> u, bool exactNorm = true) where T : unmanaged, IFloatingPointIeee754<T>;
}
