using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>A change of basis on every spatial axis of a batch-first (B, C, n₁, …) tensor: matrix a along axis 2 + a.</summary>
internal static class SpatialAxes
{
    /// <summary>x with <paramref name="matrices"/>[a] applied along spatial axis a (<see cref="Ops.AxisLinear{T}"/>, differentiable).</summary>
    public static Variable<T> Apply<T>(Variable<T> x, IReadOnlyList<double[,]> matrices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int a = 0; a < matrices.Count; a++)
            x = Ops.AxisLinear(x, matrices[a], 2 + a);
        return x;
    }
}
